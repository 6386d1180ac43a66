//! `AnalysisSpec::from_json`: what loads, and every error with its place.

use canvass_core::aggregate::kano::KanoOption;
use canvass_core::analysis::{AnalysisSpec, Metric, SatisfactionRule};
use canvass_core::survey::{parse, Survey};
use serde_json::{json, Value};

fn survey(overall: bool) -> Survey {
    let mut s = json!({
        "elements": [
            {"type": "rating", "name": "r5", "rateMin": 1, "rateMax": 5},
            {"type": "rating", "name": "r7", "rateMin": 1, "rateMax": 7},
            {"type": "rating", "name": "r5rev", "rateMin": 1, "rateMax": 5, "reverse": true},
            {"type": "rating", "name": "nps", "rateMin": 0, "rateMax": 10},
            {"type": "rating", "name": "nps_rev", "rateMin": 0, "rateMax": 10, "reverse": true},
            {"type": "rating", "name": "even", "rateMin": 0, "rateMax": 10, "rateStep": 2},
            {"type": "radiogroup", "name": "nps_choice", "choices": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]},
            {"type": "radiogroup", "name": "f", "choices": ["a", "b", {"value": "x", "notApplicable": true}]},
            {"type": "dropdown", "name": "d", "choices": ["a", "c"]},
            {"type": "checkbox", "name": "multi", "choices": ["a", "b"]},
            {"type": "radiogroup", "name": "words", "choices": ["good", "bad"]},
            {"type": "matrix", "name": "m", "rows": ["r1"], "columns": [1, 2, 3]},
            {"type": "comment", "name": "c"},
            {"type": "text", "name": "t"}
        ]
    });
    if overall {
        s["scoring"] = json!({"overallQuestion": "r5"});
    }
    parse(&s.to_string()).unwrap().0
}

fn load(scoring: Value, overall: bool) -> Result<AnalysisSpec, Vec<String>> {
    AnalysisSpec::from_json(&scoring, "scoring", &survey(overall))
        .map_err(|e| e.iter().map(ToString::to_string).collect())
}

#[test]
fn a_full_spec_loads() {
    let spec = load(
        json!({
            "indicators": [], "boxSize": 2,
            "npsQuestion": "nps",
            "targets": [{"name": "完成值", "metric": "satisfactionRate", "min": 0.8}, {"name": "n", "metric": "nps", "min": 30}],
            "gaps": [{"name": "g", "title": {"default": "Gap", "zh-cn": "差距"}, "expected": "r5", "perceived": "r5rev2"}],
        }),
        true,
    );
    // r5rev2 does not exist: the whole spec fails, naming the place.
    assert_eq!(
        spec.unwrap_err(),
        [r#"scoring.gaps[0].perceived: question "r5rev2" does not exist"#]
    );

    let spec = load(
        json!({
            "npsQuestion": "nps_choice",
            "targets": [{"name": "完成值", "metric": "satisfactionRate", "min": 0.8}, {"name": "n", "metric": "nps", "min": 30}],
            "gaps": [{"name": "g", "expected": "r5", "perceived": "r5"}],
            "kano": [{"name": "k", "functional": "f", "dysfunctional": "d",
                      "map": {"a": "like", "b": "expect", "c": "dislike"}}],
            "themes": [{"name": "t", "keywords": ["电压"]}]
        }),
        true,
    )
    .unwrap();
    assert_eq!(
        spec.satisfaction,
        Some(SatisfactionRule::TopBox {
            question: "r5".into()
        }),
        "defaults to the overall question"
    );
    assert_eq!(spec.nps_question.as_deref(), Some("nps_choice"));
    assert_eq!(
        spec.targets
            .iter()
            .map(|t| (t.metric, t.min))
            .collect::<Vec<_>>(),
        [(Metric::SatisfactionRate, 0.8), (Metric::Nps, 30.0)]
    );
    assert_eq!(spec.gaps[0].title.get("en"), "g");
    let k = &spec.kano[0];
    assert_eq!(
        k.functional_map,
        [Some(KanoOption::Like), Some(KanoOption::Expect), None]
    );
    assert_eq!(
        k.dysfunctional_map,
        [Some(KanoOption::Like), Some(KanoOption::Dislike)]
    );
    assert_eq!(
        spec.themes[0].questions,
        ["c"],
        "every comment question by default"
    );

    let none = load(json!({"indicators": []}), false).unwrap();
    assert_eq!(none, AnalysisSpec::default());
    let threshold = load(json!({"satisfaction": {"threshold": 80}}), true).unwrap();
    assert_eq!(
        threshold.satisfaction,
        Some(SatisfactionRule::Threshold { threshold: 80.0 })
    );
}

#[test]
fn every_error_names_its_place() {
    let cases: Vec<(Value, bool, &[&str])> = vec![
        (json!({"satisfaction": {"question": "r5", "threshold": 80}}), false, &["scoring.satisfaction: give a question or a threshold, not both"]),
        (json!({"satisfaction": {}}), false, &["scoring.satisfaction: give a question or a threshold (the survey names no overallQuestion to default to)"]),
        (json!({"satisfaction": {"threshold": 120}}), false, &["scoring.satisfaction.threshold: threshold 120 must be a score between 0 and 100"]),
        (json!({"satisfaction": {"question": "nope"}}), false, &[r#"scoring.satisfaction.question: question "nope" does not exist"#]),
        (json!({"satisfaction": {"question": "multi", "why": 1}}), false, &[
            r#"scoring.satisfaction: unknown property "why""#,
            r#"scoring.satisfaction.question: question "multi" is a checkbox question, but the satisfaction rate needs a discrete scale (choice, rating or boolean)"#,
        ]),
        (json!({"satisfaction": 3}), false, &["scoring.satisfaction: expected an object"]),
        (json!({"npsQuestion": "r5"}), false, &[r#"scoring.npsQuestion: the scale points of "r5" are [1, 2, 3, 4, 5], not exactly the integers 0–10"#]),
        (json!({"npsQuestion": "even"}), false, &[r#"scoring.npsQuestion: the scale points of "even" are [0, 2, 4, 6, 8, 10], not exactly the integers 0–10"#]),
        (json!({"npsQuestion": "nps_rev"}), false, &[r#"scoring.npsQuestion: question "nps_rev" is reverse-keyed, which NPS does not allow"#]),
        (json!({"npsQuestion": "m"}), false, &[r#"scoring.npsQuestion: question "m" is a matrix question, but NPS needs a single-choice question or rating scored 0–10"#]),
        (json!({"npsQuestion": "words"}), false, &[
            r#"scoring.npsQuestion: question "words" cannot give numbers: elements[10] "words": choice "good" (index 0) has no score and its value is not a number"#,
            r#"scoring.npsQuestion: question "words" cannot give numbers: elements[10] "words": choice "bad" (index 1) has no score and its value is not a number"#,
        ]),
        (json!({"targets": [{"name": "a", "metric": "happiness", "min": 1}]}), true, &[r#"scoring.targets[0].metric: unknown metric "happiness" (expected satisfactionRate, overallMean, nps or responseRate)"#]),
        (json!({"targets": [{"name": "a", "metric": "satisfactionRate", "min": 80}]}), true, &["scoring.targets[0].min: min 80 is outside 0…1, the range of satisfactionRate (rates are fractions: write 0.8 for 80%)"]),
        (json!({"targets": [{"name": "a", "metric": "nps", "min": 10}]}), true, &["scoring.targets[0].metric: metric nps needs an npsQuestion"]),
        (json!({"targets": [{"name": "a", "metric": "satisfactionRate", "min": 0.5}]}), false, &["scoring.targets[0].metric: metric satisfactionRate needs a satisfaction rule or an overallQuestion"]),
        (json!({"targets": [{"name": "a", "metric": "overallMean", "min": 70}, {"name": "a", "metric": "responseRate"}]}), true, &[
            r#"scoring.targets[1]: the name "a" is already used by scoring.targets[0]"#,
            r#"scoring.targets[1]: "min" is required"#,
        ]),
        (json!({"targets": {}}), true, &["scoring.targets: expected an array"]),
        (json!({"gaps": [{"name": "g", "expected": "r5", "perceived": "r7"}]}), false, &[r#"scoring.gaps[0]: "r5" ranges over [1, 5] but "r7" over [1, 7]; a gap needs the same range"#]),
        (json!({"gaps": [{"name": "g", "expected": "r5", "perceived": "r5rev"}]}), false, &[r#"scoring.gaps[0].perceived: question "r5rev" is reverse-keyed, which an expectation gap does not allow"#]),
        (json!({"gaps": [{"name": "g", "expected": "c", "perceived": "r5"}]}), false, &[r#"scoring.gaps[0].expected: question "c" cannot give numbers: elements[12] "c": a comment question cannot be scored"#]),
        (json!({"gaps": [{"expected": "r5"}]}), false, &[r#"scoring.gaps[0]: "name" is required"#, r#"scoring.gaps[0]: "perceived" is required"#]),
        (json!({"kano": [{"name": "k", "functional": "f", "dysfunctional": "d", "map": {"a": "like", "b": "love"}}]}), false, &[r#"scoring.kano[0].map.b: "love" is not a Kano option (like, expect, neutral, tolerate, dislike)"#]),
        (json!({"kano": [{"name": "k", "functional": "f", "dysfunctional": "d", "map": {"a": "like", "b": "expect"}}]}), false, &[r#"scoring.kano[0].map: choice "c" of "d" is not mapped to a Kano option"#]),
        (json!({"kano": [{"name": "k", "functional": "f", "dysfunctional": "d", "map": {"a": "like", "b": "expect", "c": "neutral", "x": "neutral", "z": "like"}}]}), false, &[
            r#"scoring.kano[0].map.x: choice "x" of "f" is not applicable, so it cannot be mapped"#,
            r#"scoring.kano[0].map.z: "z" is not a choice of "f" or "d""#,
        ]),
        (json!({"kano": [{"name": "k", "functional": "multi", "dysfunctional": "d"}]}), false, &[
            r#"scoring.kano[0].functional: question "multi" is a checkbox question, but Kano questions are single-choice (radiogroup or dropdown)"#,
            r#"scoring.kano[0]: "map" is required"#,
        ]),
        (json!({"themes": [{"name": "t", "keywords": ["电压", "", "\u{3000}"]}]}), false, &["scoring.themes[0].keywords[1]: a keyword must not be empty", "scoring.themes[0].keywords[2]: a keyword must not be empty"]),
        (json!({"themes": [{"name": "t", "keywords": []}]}), false, &["scoring.themes[0].keywords: a theme needs at least one keyword"]),
        (json!({"themes": [{"name": "t", "keywords": ["x"], "questions": ["r5", "t"]}]}), false, &[r#"scoring.themes[0].questions[0]: question "r5" is a rating question, but themes code open answers (comment or text questions)"#]),
        (json!({"themes": [{"name": "t", "keywords": [3]}]}), false, &["scoring.themes[0].keywords[0]: expected a string"]),
    ];
    for (scoring, overall, want) in cases {
        let got = load(scoring.clone(), overall).expect_err(&scoring.to_string());
        assert_eq!(got, want, "{scoring}");
    }
}

#[test]
fn themes_need_a_comment_question() {
    let survey = parse(r#"{"elements": [{"type": "rating", "name": "r"}]}"#)
        .unwrap()
        .0;
    let errors = AnalysisSpec::from_json(
        &json!({"themes": [{"name": "t", "keywords": ["x"]}]}),
        "scoring",
        &survey,
    )
    .unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "scoring.themes[0]: the survey has no comment question to code; list the questions"
    );
}
