//! Rating scales expand to their points at load time.

use canvass_core::survey::QuestionKind;

use super::{ok, page};

/// The points of a rating question with `props`, as JSON text.
fn points(props: &str) -> String {
    let (survey, _) = ok(&page(&format!(
        r#"{{"type": "rating", "name": "r"{props}}}"#
    )));
    let QuestionKind::Rating { points, .. } = &survey.questions()[0].kind else {
        panic!("rating expected")
    };
    let values: Vec<_> = points.iter().map(|p| p.value.clone()).collect();
    serde_json::to_string(&values).unwrap()
}

#[test]
fn scales_expand_from_min_max_and_step() {
    let cases = [
        ("", "[1,2,3,4,5]"),
        (
            r#", "rateMin": 0, "rateMax": 10"#,
            "[0,1,2,3,4,5,6,7,8,9,10]",
        ),
        (r#", "rateMin": 1, "rateMax": 6, "rateStep": 2"#, "[1,3,5]"),
        (r#", "rateMin": -2, "rateMax": 2"#, "[-2,-1,0,1,2]"),
        (r#", "rateMin": 3, "rateMax": 3"#, "[3]"),
        (
            r#", "rateMin": 0, "rateMax": 1, "rateStep": 0.25"#,
            "[0,0.25,0.5,0.75,1]",
        ),
        (
            r#", "rateMin": 0, "rateMax": 0.3, "rateStep": 0.1"#,
            "[0,0.1,0.2,0.3]",
        ),
        (
            r#", "rateMin": 0.5, "rateMax": 2.5, "rateStep": 0.5"#,
            "[0.5,1,1.5,2,2.5]",
        ),
        (r#", "rateMin": 1.0, "rateMax": 3.0"#, "[1,2,3]"),
        (r#", "rateMax": 5.5"#, "[1,2,3,4,5]"),
        (
            r#", "rateMin": 0, "rateMax": 99"#,
            &format!(
                "[{}]",
                (0..=99)
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ),
        (
            r#", "rateValues": [{"value": 10, "text": "Best"}, "b", 0.5]"#,
            r#"[10,"b",0.5]"#,
        ),
    ];
    for (props, expected) in cases {
        assert_eq!(points(props), expected, "rating with {props:?}");
    }
}

#[test]
fn expanded_points_are_labelled_with_their_value() {
    let (survey, _) = ok(&page(
        r#"{"type": "rating", "name": "r", "rateMin": 0, "rateMax": 1, "rateStep": 0.5}"#,
    ));
    let QuestionKind::Rating { points, .. } = &survey.questions()[0].kind else {
        panic!("rating expected")
    };
    let labels: Vec<&str> = points.iter().map(|p| p.text.get("default")).collect();
    assert_eq!(labels, ["0", "0.5", "1"]);
    assert!(points
        .iter()
        .all(|p| p.score.is_none() && !p.not_applicable));
}
