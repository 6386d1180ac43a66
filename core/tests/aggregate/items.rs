//! Per-item aggregates, indicator and overall scores, grades, drafts,
//! invalid responses and survey versions.

use std::collections::BTreeSet;

use canvass_core::aggregate::{aggregate_with, AggregateError, AggregateOptions, Logic};
use canvass_core::response::Answers;
use canvass_core::scoring::{FollowUpConditions, FollowUpReason, NoConditions};
use serde_json::json;

use super::{close, completed_at, done, fixture, run, Fx};

/// Five scored questions outside any indicator (the implicit indicator).
fn items_survey() -> Fx {
    fixture(json!({
        "id": "items", "version": "3",
        "elements": [
            {"type": "radiogroup", "name": "q1", "scored": true, "choices": [
                {"value": "vs", "score": 50}, {"value": "s", "score": 30}, {"value": "ok", "score": 20},
                {"value": "d", "score": 0}, {"value": "vd", "score": -10}, {"value": "na", "notApplicable": true}]},
            {"type": "rating", "name": "q2", "scored": true, "reverse": true, "rateMin": 1, "rateMax": 5},
            {"type": "boolean", "name": "q3", "scored": true},
            {"type": "checkbox", "name": "q4", "scored": true, "choices": [
                {"value": "a", "score": 2}, {"value": "b", "score": 3}, {"value": "c", "score": -1}]},
            {"type": "text", "inputType": "number", "name": "q5", "scored": true, "min": 0, "max": 10},
            {"type": "comment", "name": "remarks"}
        ]
    }))
}

#[test]
fn item_counts_means_sds_boxes_and_distribution() {
    let fx = items_survey();
    let records = vec![
        done(
            &fx,
            json!({"q1": "vs", "q2": 1, "q3": true, "q4": ["a", "b"], "q5": 4}),
        ),
        done(
            &fx,
            json!({"q1": "s", "q2": 2, "q3": true, "q4": ["c"], "q5": 6}),
        ),
        done(
            &fx,
            json!({"q1": "s", "q2": 5, "q3": false, "q4": [], "q5": 10}),
        ),
        done(&fx, json!({"q1": "vd", "q2": 3})),
        done(&fx, json!({"q1": "na"})),
        done(&fx, json!({"remarks": "nothing scored"})),
    ];
    let report = run(&fx, &records);
    let total = &report.total;
    assert_eq!(total.n, 6);
    let item = |id: &str| total.items.iter().find(|i| i.id == id).unwrap();

    // q1: x = 50, 30, 30, −10 → mean 25; Σ(x − 25)² = 625 + 25 + 25 + 1225
    // = 1900 → sd √(1900/3). s = 100(x + 10)/60: mean 100·35/60, sd ·100/60.
    // 5 distinct points → k = 2: top {50, 30} = 3/4, bottom {0, −10} = 1/4.
    let q1 = item("q1");
    assert_eq!(
        (q1.valid, q1.not_applicable, q1.skipped, q1.hidden),
        (4, 1, 1, 0)
    );
    close(q1.x.mean, 25.0);
    close(q1.x.sd, (1900.0f64 / 3.0).sqrt());
    close(q1.score.mean, 100.0 * 35.0 / 60.0);
    close(q1.score.sd, (1900.0f64 / 3.0).sqrt() * 100.0 / 60.0);
    assert_eq!(q1.box_k, 2);
    close(q1.top_box, 0.75);
    close(q1.bottom_box, 0.25);
    let counts: Vec<(String, u64)> = q1
        .distribution
        .iter()
        .map(|c| (c.value.as_str().unwrap().to_owned(), c.count))
        .collect();
    let want: Vec<(String, u64)> = [
        ("vs", 1),
        ("s", 2),
        ("ok", 0),
        ("d", 0),
        ("vd", 1),
        ("na", 1),
    ]
    .iter()
    .map(|(v, c)| (v.to_string(), *c))
    .collect();
    assert_eq!(counts, want);

    // q2, reverse-keyed 1–5: x = 1, 2, 5, 3 → mean 2.75, Σ(x − 2.75)² =
    // 3.0625 + 0.5625 + 5.0625 + 0.0625 = 8.75 → sd √(8.75/3). s = 100 −
    // 25(x − 1): mean 100 − 25·1.75 = 56.25. Top box counts from the low
    // end: {1, 2} = 2/4; bottom {4, 5} = 1/4.
    let q2 = item("q2");
    assert_eq!((q2.valid, q2.skipped), (4, 2));
    close(q2.x.mean, 2.75);
    close(q2.x.sd, (8.75f64 / 3.0).sqrt());
    close(q2.score.mean, 56.25);
    close(q2.score.sd, (8.75f64 / 3.0).sqrt() * 25.0);
    close(q2.top_box, 0.5);
    close(q2.bottom_box, 0.25);

    // q3, boolean 1/0: k = 1; true, true, false → top 2/3, bottom 1/3,
    // mean 2/3, sd √((2·(1/3)² + (2/3)²)/2) = √(1/3).
    let q3 = item("q3");
    assert_eq!((q3.valid, q3.skipped, q3.box_k), (3, 3, 1));
    close(q3.top_box, 2.0 / 3.0);
    close(q3.bottom_box, 1.0 / 3.0);
    close(q3.x.mean, 2.0 / 3.0);
    close(q3.x.sd, (1.0f64 / 3.0).sqrt());
    assert_eq!(
        q3.distribution.iter().map(|c| c.count).collect::<Vec<_>>(),
        [2, 1]
    );

    // q4, checkbox (range −1…5, no boxes): {a, b} = 5, {c} = −1, [] is
    // skipped → mean 2, sd √((9 + 9)/1) = √18; each choice counted.
    let q4 = item("q4");
    assert_eq!((q4.valid, q4.skipped), (2, 4));
    close(q4.x.mean, 2.0);
    close(q4.x.sd, 18f64.sqrt());
    close(q4.score.mean, 100.0 * 3.0 / 6.0);
    assert_eq!((q4.box_k, q4.top_box, q4.bottom_box), (0, None, None));
    assert_eq!(
        q4.distribution.iter().map(|c| c.count).collect::<Vec<_>>(),
        [1, 1, 1]
    );

    // q5, number 0–10: 4, 6, 10 → mean 20/3, sd √((64/9 + 4/9 + 100/9)/2).
    let q5 = item("q5");
    close(q5.x.mean, 20.0 / 3.0);
    close(q5.x.sd, (168.0f64 / 18.0).sqrt());
    assert!(q5.distribution.is_empty());
}

#[test]
fn choices_sharing_a_score_are_counted_apart() {
    let fx = fixture(json!({"elements": [
        {"type": "radiogroup", "name": "q", "scored": true, "choices": [
            {"value": "great", "score": 10}, {"value": "fine", "score": 10}, {"value": "bad", "score": 0},
            {"value": "na1", "notApplicable": true}, {"value": "na2", "notApplicable": true}]}
    ]}));
    let records: Vec<_> = ["great", "fine", "fine", "bad", "na2", "na2", "na1"]
        .iter()
        .map(|v| done(&fx, json!({"q": v})))
        .collect();
    let q = &run(&fx, &records).total.items[0];
    assert_eq!(
        q.distribution.iter().map(|c| c.count).collect::<Vec<_>>(),
        [1, 2, 1, 1, 2]
    );
    // Points {0, 10}: k = 1; top 3/4, bottom 1/4.
    close(q.top_box, 0.75);
    close(q.bottom_box, 0.25);
    assert_eq!((q.valid, q.not_applicable), (4, 3));
}

#[test]
fn sd_is_null_below_two_values_and_means_null_without_any() {
    let fx = items_survey();
    let report = run(&fx, &[done(&fx, json!({"q1": "s"}))]);
    let q1 = &report.total.items[0];
    assert_eq!((q1.x.n, q1.x.sd), (1, None));
    close(q1.x.mean, 30.0);
    let q2 = &report.total.items[1];
    assert_eq!((q2.x.mean, q2.top_box, q2.bottom_box), (None, None, None));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["total"]["items"][1]["x"]["mean"],
        serde_json::Value::Null,
        "missing is null, not omitted"
    );
}

#[test]
fn drafts_never_count_and_invalid_responses_are_listed() {
    let fx = items_survey();
    let bad = done(&fx, json!({"q1": "excellent", "q2": 4}));
    let records = vec![
        done(&fx, json!({"q1": "vs"})),
        completed_at(&fx, json!({"q1": "vd"}), None),
        bad.clone(),
        done(&fx, json!({"q2": 9})),
    ];
    let report = run(&fx, &records);
    assert_eq!(report.total.n, 1);
    close(report.total.items[0].x.mean, 50.0);
    assert_eq!(report.records.total, 4);
    assert_eq!(
        (
            report.records.completed,
            report.records.invalid,
            report.records.not_completed
        ),
        (3, 2, 1)
    );
    assert_eq!(report.invalid.len(), 2);
    assert_eq!(report.invalid[0].response, bad.id);
    assert_eq!(report.invalid[0].question, "q1");
    assert!(
        report.invalid[0].message.contains("q1") && report.invalid[0].message.contains("excellent"),
        "{}",
        report.invalid[0].message
    );
    assert_eq!(report.invalid[1].question, "q2");
}

#[test]
fn mixed_versions_and_foreign_surveys_are_errors() {
    let fx = items_survey();
    let mut old = done(&fx, json!({}));
    old.survey.version = "2".into();
    let records = vec![done(&fx, json!({})), old];
    let err = canvass_core::aggregate::aggregate(
        &fx.model,
        &fx.survey,
        &fx.analysis,
        &records,
        &AggregateOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, AggregateError::MixedVersions { found, .. } if found == &["2".to_owned(), "3".to_owned()])
    );
    assert_eq!(
        err.to_string(),
        r#"the records answer versions "2", "3" of survey "items", but the definition is version "3"; aggregate one version at a time"#
    );
    let mut foreign = done(&fx, json!({}));
    foreign.survey.id = "other".into();
    let err = canvass_core::aggregate::aggregate(
        &fx.model,
        &fx.survey,
        &fx.analysis,
        &[foreign],
        &AggregateOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("records[0] (id "), "{err}");
}

/// Hides q2 whenever q3 is false.
struct HideQ2;

impl Logic for HideQ2 {
    fn hidden(&self, answers: &Answers) -> BTreeSet<String> {
        if answers.get("q3") == Some(&json!(false)) {
            BTreeSet::from(["q2".to_owned()])
        } else {
            BTreeSet::new()
        }
    }
    fn conditions(&self) -> &dyn FollowUpConditions {
        &NoConditions
    }
}

#[test]
fn hidden_answers_are_ignored_and_counted_apart() {
    let fx = items_survey();
    let records = vec![
        done(&fx, json!({"q2": 5, "q3": false})),
        done(&fx, json!({"q2": 1, "q3": true})),
    ];
    let report = aggregate_with(
        &fx.model,
        &fx.survey,
        &fx.analysis,
        &records,
        &AggregateOptions::default(),
        &HideQ2,
    )
    .unwrap();
    let q2 = &report.total.items[1];
    assert_eq!((q2.valid, q2.hidden, q2.skipped), (1, 1, 0));
    close(q2.x.mean, 1.0);
    assert_eq!(
        q2.distribution.iter().map(|c| c.count).sum::<u64>(),
        1,
        "a hidden answer is not in the distribution"
    );
}

/// Two indicators, default bands on the score.
fn indicator_survey() -> Fx {
    fixture(json!({
        "elements": [
            {"type": "rating", "name": "a", "rateMin": 0, "rateMax": 10},
            {"type": "rating", "name": "b", "rateMin": 0, "rateMax": 10},
            {"type": "rating", "name": "c", "rateMin": 0, "rateMax": 10}
        ],
        "scoring": {
            "indicators": [
                {"name": "service", "children": [{"question": "a"}, {"question": "b"}]},
                {"name": "price", "children": [{"question": "c"}]}
            ],
            "weights": {"service": 3, "price": 1},
            "grades": {"basis": "score"}
        }
    }))
}

#[test]
fn indicator_and_overall_means_sds_and_grades() {
    let fx = indicator_survey();
    // service = mean(10a, 10b); overall = (3·service + price)/4.
    // r1: a 10, b 8, c 6 → service 90, price 60, overall 82.5 (良)
    // r2: a 10, b 10, c 10 → 100, 100, 100 (优)
    // r3: a 4, b 6, c — → 50, —, 50 (差)
    // r4: c 7 → —, 70, 70 (中)
    let records = vec![
        done(&fx, json!({"a": 10, "b": 8, "c": 6})),
        done(&fx, json!({"a": 10, "b": 10, "c": 10})),
        done(&fx, json!({"a": 4, "b": 6})),
        done(&fx, json!({"c": 7})),
    ];
    let report = run(&fx, &records);
    let t = &report.total;
    let service = &t.indicators[0];
    assert_eq!(
        (service.name.as_str(), service.score.summary.n),
        ("service", 3)
    );
    close(service.score.summary.mean, 80.0);
    // (90, 100, 50): deviations 10, 20, −30 → √(1400/2).
    close(service.score.summary.sd, 700f64.sqrt());
    let grades = |s: &canvass_core::aggregate::ScoreAggregate| {
        s.grades
            .iter()
            .map(|g| (g.band.clone(), g.count))
            .collect::<Vec<_>>()
    };
    // Indicator grades use the same bands: 90 优, 100 优, 50 差; r4 none.
    assert_eq!(
        grades(&service.score),
        [
            ("优".into(), 2),
            ("良".into(), 0),
            ("中".into(), 0),
            ("可".into(), 0),
            ("差".into(), 1)
        ]
    );
    assert_eq!(service.score.ungraded, 1);
    close(
        t.indicators[1].score.summary.mean,
        (60.0 + 100.0 + 70.0) / 3.0,
    );
    // Overall 82.5, 100, 50, 70: mean 75.625.
    close(t.overall.summary.mean, 75.625);
    let dev: f64 = [82.5f64, 100.0, 50.0, 70.0]
        .iter()
        .map(|x| (x - 75.625).powi(2))
        .sum();
    close(t.overall.summary.sd, (dev / 3.0).sqrt());
    assert_eq!(
        grades(&t.overall),
        [
            ("优".into(), 1),
            ("良".into(), 1),
            ("中".into(), 1),
            ("可".into(), 0),
            ("差".into(), 1)
        ]
    );
    assert_eq!(t.overall.ungraded, 0);
    // Raw totals 24, 30, 10, 7.
    close(t.raw_total.mean, 71.0 / 4.0);
    // The implicit indicator aside, importance is per top-level indicator.
    assert_eq!(
        t.importance
            .iter()
            .map(|e| e.indicator.as_str())
            .collect::<Vec<_>>(),
        ["service", "price"]
    );
}

#[test]
fn follow_up_list_names_flagged_responses_and_reasons() {
    let fx = indicator_survey();
    // a = 1 is in the bottom box {0, 1}; service 50, price 90, overall 60 (可).
    let low = done(&fx, json!({"a": 1, "b": 9, "c": 9}));
    let records = vec![done(&fx, json!({"a": 9, "b": 9, "c": 9})), low.clone()];
    let report = run(&fx, &records);
    assert_eq!(report.total.follow_ups, 1);
    assert_eq!(report.follow_ups.len(), 1);
    let entry = &report.follow_ups[0];
    assert_eq!(entry.response, low.id);
    assert_eq!(
        entry.reasons,
        [FollowUpReason::BottomBox { item: "a".into() }]
    );
    assert_eq!(
        entry.completed_at.as_deref(),
        Some("2026-11-23T16:20:05+08:00")
    );
}
