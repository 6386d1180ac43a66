//! Properties Canvass ignores are warnings naming the place and property,
//! at every level; they never stop loading.

use canvass_core::survey::ParseWarning;

use super::ok;

fn ignored(path: &str, property: &str) -> ParseWarning {
    ParseWarning::Ignored {
        path: path.into(),
        property: property.into(),
    }
}

#[test]
fn ignored_properties_are_reported_at_every_level() {
    let json = r#"{
      "showProgressBar": "top", "logo": "x.png", "locale": "zh-cn",
      "pages": [{
        "navigationTitle": "Start",
        "elements": [
          {"type": "panel", "state": "collapsed", "elements": [
            {"type": "radiogroup", "name": "q1", "hideNumber": true, "colCount": 2,
             "choices": [{"value": "a", "enableIf": "{x} = 1"}, "b"]}
          ]},
          {"type": "matrix", "name": "m", "rows": [{"value": "r", "imageLink": "r.png"}],
           "columns": [1, 2], "isAllRowRequired": true},
          {"type": "boolean", "name": "b", "valueTrue": "yes"}
        ]
      }],
      "scoring": {
        "colour": "red",
        "indicators": [{"name": "s", "note": "n", "children": [{"question": "q1", "comment": "c"}]}],
        "grades": {"bands": [{"name": "A", "min": 1, "color": "green"}], "style": 1}
      }
    }"#;
    let (_, warnings) = ok(json);
    // In document order: each object's own properties before those inside it.
    let expected = [
        ignored("survey", "locale"),
        ignored("survey", "logo"),
        ignored("survey", "showProgressBar"),
        ignored("pages[0]", "navigationTitle"),
        ignored("pages[0].elements[0]", "state"),
        ignored("pages[0].elements[0].elements[0] \"q1\"", "colCount"),
        ignored("pages[0].elements[0].elements[0] \"q1\"", "hideNumber"),
        ignored(
            "pages[0].elements[0].elements[0] \"q1\".choices[0]",
            "enableIf",
        ),
        ignored("pages[0].elements[1] \"m\"", "isAllRowRequired"),
        ignored("pages[0].elements[1] \"m\".rows[0]", "imageLink"),
        ignored("pages[0].elements[2] \"b\"", "valueTrue"),
        ignored("scoring", "colour"),
        ignored("scoring.indicators[0] \"s\"", "note"),
        ignored("scoring.indicators[0] \"s\".children[0]", "comment"),
        ignored("scoring.grades", "style"),
        ignored("scoring.grades.bands[0] \"A\"", "color"),
    ];
    assert_eq!(warnings, expected);
    assert_eq!(
        warnings[6].to_string(),
        r#"pages[0].elements[0].elements[0] "q1": property "hideNumber" is ignored by Canvass"#
    );
}

#[test]
fn a_likely_typo_of_a_canvass_property_is_pointed_out() {
    let (survey, warnings) =
        ok(r#"{"elements": [{"type": "comment", "name": "c", "isRequried": true}]}"#);
    assert!(
        !survey.questions()[0].is_required,
        "a misspelt property is not guessed"
    );
    assert_eq!(
        warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            r#"elements[0] "c": property "isRequried" is ignored by Canvass (did you mean "isRequired"?)"#
        ]
    );
    let (_, warnings) = ok(
        r#"{"elements": [{"type": "radiogroup", "name": "c", "choices": [{"value": 1, "scores": 3}]}]}"#,
    );
    assert_eq!(
        warnings,
        [ParseWarning::Misspelt {
            path: r#"elements[0] "c".choices[0]"#.into(),
            property: "scores".into(),
            suggestion: "score"
        }]
    );
}

#[test]
fn rate_bounds_beside_rate_values_are_reported_as_overridden() {
    let (survey, warnings) = ok(
        r#"{"elements": [{"type": "rating", "name": "r", "rateMin": 0, "rateMax": 10, "rateValues": [1, 2, 3]}]}"#,
    );
    assert_eq!(
        survey.questions()[0].kind.clone(),
        canvass_core::survey::QuestionKind::Rating {
            points: [1, 2, 3]
                .into_iter()
                .map(|v| canvass_core::survey::Choice {
                    value: v.into(),
                    text: canvass_core::survey::LocalizedText::plain(v.to_string()),
                    score: None,
                    not_applicable: false,
                    visible_if: None,
                })
                .collect(),
            min_label: None,
            max_label: None,
        }
    );
    let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            r#"elements[0] "r": property "rateMin" is ignored because "rateValues" is given"#,
            r#"elements[0] "r": property "rateMax" is ignored because "rateValues" is given"#,
        ]
    );
}

#[test]
fn min_and_max_are_read_only_for_number_input() {
    let (survey, warnings) = ok(
        r#"{"elements": [{"type": "text", "name": "d", "inputType": "date", "min": "2024-01-01"}]}"#,
    );
    assert_eq!(warnings, [ignored(r#"elements[0] "d""#, "min")]);
    let canvass_core::survey::QuestionKind::Text { min, .. } = &survey.questions()[0].kind else {
        panic!("text")
    };
    assert_eq!(*min, None);
}

#[test]
fn a_survey_using_only_supported_properties_has_no_warnings() {
    let (_, warnings) = ok(include_str!("../fixtures/all-types.json"));
    assert_eq!(warnings, []);
}
