//! Grouping by segment and period, and change against the previous period
//! (DOMAIN resolved item 22).

use std::collections::BTreeSet;

use canvass_core::aggregate::{
    aggregate_with, AggregateError, AggregateOptions, AggregateReport, Logic, Period, Segment,
};
use canvass_core::response::{Answers, Response};
use canvass_core::scoring::{FollowUpConditions, NoConditions};
use canvass_core::visit::Outcome;
use serde_json::json;

use super::{close, completed_at, contact, fixture, run_with, Fx};

fn survey() -> Fx {
    fixture(json!({
        "elements": [
            {"type": "radiogroup", "name": "type", "choices": ["residential", "commercial", {"value": "unknown", "notApplicable": true}]},
            {"type": "checkbox", "name": "channels", "choices": ["app", "phone", "hall"]},
            {"type": "rating", "name": "q", "scored": true},
            {"type": "comment", "name": "note"}
        ],
        "scoring": {"overallQuestion": "q"}
    }))
}

fn on(fx: &Fx, at: &str, answers: serde_json::Value) -> Response {
    completed_at(fx, answers, Some(at))
}

fn by(segment: Option<Segment>, period: Option<Period>) -> AggregateOptions {
    AggregateOptions {
        by: segment,
        period,
    }
}

/// (segment, period, n, mean of q to 9 decimals) of one group.
type Row = (Option<String>, Option<String>, u64, Option<f64>);

/// Every group's `Row`, in report order.
fn rows(report: &AggregateReport) -> Vec<Row> {
    let round = |m: f64| (m * 1e9).round() / 1e9;
    report
        .groups
        .iter()
        .map(|g| {
            (
                g.key.segment.clone(),
                g.key.period.clone(),
                g.n,
                g.items[0].x.mean.map(round),
            )
        })
        .collect()
}

fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

const DAY: &str = "2026-11-23T10:00:00+08:00";

fn five(fx: &Fx) -> Vec<Response> {
    let mut records = vec![
        on(
            fx,
            DAY,
            json!({"type": "residential", "channels": ["app", "phone"], "q": 5}),
        ),
        on(
            fx,
            DAY,
            json!({"type": "residential", "channels": ["phone"], "q": 3}),
        ),
        on(
            fx,
            DAY,
            json!({"type": "commercial", "channels": [], "q": 4}),
        ),
        on(fx, DAY, json!({"type": "unknown", "q": 2})),
        on(fx, DAY, json!({"q": 1})),
    ];
    records[0].meta.insert("project".into(), "B".into());
    records[1].meta.insert("project".into(), "A".into());
    records[2].meta.insert("project".into(), "B".into());
    records
}

#[test]
fn by_choice_question_with_none_for_skipped_and_not_applicable() {
    let fx = survey();
    let report = run_with(
        &fx,
        &five(&fx),
        &by(Some(Segment::Question("type".into())), None),
    );
    assert_eq!(
        rows(&report),
        [
            (s("residential"), None, 2, Some(4.0)),
            (s("commercial"), None, 1, Some(4.0)),
            (s("(none)"), None, 2, Some(1.5))
        ]
    );
    assert_eq!(
        report.groups[0]
            .key
            .segment_title
            .as_ref()
            .unwrap()
            .get("en"),
        "residential"
    );
    assert_eq!(report.total.n, 5);
}

#[test]
fn by_multiple_choice_puts_a_response_in_every_chosen_group() {
    let fx = survey();
    let report = run_with(
        &fx,
        &five(&fx),
        &by(Some(Segment::Question("channels".into())), None),
    );
    // app: r1; phone: r1, r2; hall: nobody (no group); (none): r3 (empty), r4, r5.
    assert_eq!(
        rows(&report),
        [
            (s("app"), None, 1, Some(5.0)),
            (s("phone"), None, 2, Some(4.0)),
            (s("(none)"), None, 3, Some(2.333333333))
        ]
    );
    assert_eq!(report.total.n, 5, "the total counts each response once");
}

#[test]
fn by_metadata_key_sorted_with_none_last() {
    let fx = survey();
    let report = run_with(
        &fx,
        &five(&fx),
        &by(Some(Segment::Meta("project".into())), None),
    );
    assert_eq!(
        rows(&report),
        [
            (s("A"), None, 1, Some(3.0)),
            (s("B"), None, 2, Some(4.5)),
            (s("(none)"), None, 2, Some(1.5))
        ]
    );
}

/// Hides `type` when q is 5.
struct HideType;

impl Logic for HideType {
    fn hidden(&self, answers: &Answers) -> BTreeSet<String> {
        if answers.get("q") == Some(&json!(5)) {
            BTreeSet::from(["type".to_owned()])
        } else {
            BTreeSet::new()
        }
    }
    fn conditions(&self) -> &dyn FollowUpConditions {
        &NoConditions
    }
}

#[test]
fn a_hidden_segment_answer_goes_to_none() {
    let fx = survey();
    let options = by(Some(Segment::Question("type".into())), None);
    let report = aggregate_with(
        &fx.model,
        &fx.survey,
        &fx.analysis,
        &five(&fx),
        &options,
        &HideType,
    )
    .unwrap();
    assert_eq!(
        rows(&report),
        [
            (s("residential"), None, 1, Some(3.0)),
            (s("commercial"), None, 1, Some(4.0)),
            (s("(none)"), None, 3, Some(2.666666667))
        ]
    );
}

#[test]
fn unusable_segments_are_errors() {
    let fx = survey();
    let run = |segment| {
        canvass_core::aggregate::aggregate(
            &fx.model,
            &fx.survey,
            &fx.analysis,
            &[],
            &by(Some(segment), None),
        )
    };
    assert_eq!(
        run(Segment::Question("nope".into())).unwrap_err(),
        AggregateError::UnknownSegmentQuestion {
            name: "nope".into()
        }
    );
    let err = run(Segment::Question("note".into())).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(r#"by: question "note" is a comment question"#),
        "{err}"
    );
}

/// Quarters by the local date as recorded, across a year boundary, with
/// an empty quarter and an undated record.
fn quarters(fx: &Fx) -> Vec<Response> {
    vec![
        // 20:00−05:00 on 31 Dec 2025 is already 2026 in UTC: still 2025-Q4.
        on(
            fx,
            "2025-12-31T20:00:00-05:00",
            json!({"type": "residential", "q": 2}),
        ),
        on(
            fx,
            "2026-01-15T10:00:00+08:00",
            json!({"type": "residential", "q": 4}),
        ),
        on(
            fx,
            "2026-03-31T23:59:59+08:00",
            json!({"type": "commercial", "q": 5}),
        ),
        // 07:30+08:00 on 1 April is 31 March in UTC: still Q2.
        on(
            fx,
            "2026-04-01T07:30:00+08:00",
            json!({"type": "residential", "q": 1}),
        ),
        on(
            fx,
            "2026-11-20T10:00:00+08:00",
            json!({"type": "residential", "q": 3}),
        ),
        on(fx, "sometime", json!({"type": "residential", "q": 5})),
    ]
}

#[test]
fn quarters_with_change_against_the_previous_quarter() {
    let fx = survey();
    let report = run_with(&fx, &quarters(&fx), &by(None, Some(Period::Quarter)));
    assert_eq!(
        rows(&report),
        [
            (None, s("2025-Q4"), 1, Some(2.0)),
            (None, s("2026-Q1"), 2, Some(4.5)),
            (None, s("2026-Q2"), 1, Some(1.0)),
            (None, s("2026-Q4"), 1, Some(3.0)),
        ]
    );
    assert_eq!(report.total.n, 6, "the undated record counts in the total");
    let change = |period| {
        report
            .group(None, Some(period))
            .unwrap()
            .change
            .clone()
            .unwrap()
    };
    // 2025-Q3 and 2026-Q3 have no records: every change is missing.
    let first = change("2025-Q4");
    assert_eq!(
        (first.previous.as_str(), first.n, first.items[0].x_mean),
        ("2025-Q3", None, None)
    );
    assert_eq!(
        (change("2026-Q4").n, change("2026-Q4").satisfaction_rate),
        (None, None)
    );
    // 2026-Q1 against 2025-Q4: n 2 − 1, mean 4.5 − 2, satisfied (top box
    // {4, 5}) 2/2 − 0/1.
    let q1 = change("2026-Q1");
    assert_eq!(q1.previous, "2025-Q4");
    close(q1.n, 1.0);
    close(q1.items[0].x_mean, 2.5);
    close(q1.satisfaction_rate, 1.0);
    close(q1.overall_mean, 62.5);
    // 2026-Q2 against Q1: mean 1 − 4.5; bottom box {1, 2}: 1 − 0.
    let q2 = change("2026-Q2");
    close(q2.n, -1.0);
    close(q2.items[0].x_mean, -3.5);
    close(q2.items[0].bottom_box, 1.0);
}

#[test]
fn months_and_years() {
    let fx = survey();
    let records = vec![
        on(&fx, "2026-01-10T10:00:00+08:00", json!({"q": 4})),
        on(
            &fx,
            "2026-02-05T10:00:00+08:00",
            json!({"type": "residential"}),
        ),
        on(&fx, "2026-03-01T10:00:00+08:00", json!({"q": 2})),
        on(&fx, "2025-12-31T23:59:59+08:00", json!({"q": 5})),
    ];
    let months = run_with(&fx, &records, &by(None, Some(Period::Month)));
    let labels: Vec<_> = months
        .groups
        .iter()
        .map(|g| g.key.period.clone().unwrap())
        .collect();
    assert_eq!(labels, ["2025-12", "2026-01", "2026-02", "2026-03"]);
    // January against December (year rollover): mean 4 − 5.
    close(
        months
            .group(None, Some("2026-01"))
            .unwrap()
            .change
            .as_ref()
            .unwrap()
            .items[0]
            .x_mean,
        -1.0,
    );
    // February has a record but no answer to q: its count changes, its mean does not exist.
    let feb = months
        .group(None, Some("2026-02"))
        .unwrap()
        .change
        .clone()
        .unwrap();
    assert_eq!((feb.n, feb.items[0].x_mean), (Some(0.0), None));
    let mar = months
        .group(None, Some("2026-03"))
        .unwrap()
        .change
        .clone()
        .unwrap();
    assert_eq!((mar.n, mar.items[0].x_mean), (Some(0.0), None));

    let years = run_with(&fx, &records, &by(None, Some(Period::Year)));
    assert_eq!(
        rows(&years),
        [
            (None, s("2025"), 1, Some(5.0)),
            (None, s("2026"), 3, Some(3.0))
        ]
    );
    close(
        years
            .group(None, Some("2026"))
            .unwrap()
            .change
            .as_ref()
            .unwrap()
            .n,
        2.0,
    );
}

#[test]
fn segment_by_period() {
    let fx = survey();
    let report = run_with(
        &fx,
        &quarters(&fx),
        &by(
            Some(Segment::Question("type".into())),
            Some(Period::Quarter),
        ),
    );
    let rows = rows(&report);
    // Segments first (with the undated record), then periods, then both.
    assert_eq!(rows[0], (s("residential"), None, 5, Some(3.0)));
    assert_eq!(rows[1], (s("commercial"), None, 1, Some(5.0)));
    assert_eq!(rows[2].0, None);
    let both: Vec<_> = rows
        .iter()
        .filter(|r| r.0.is_some() && r.1.is_some())
        .cloned()
        .collect();
    assert_eq!(
        both,
        [
            (s("residential"), s("2025-Q4"), 1, Some(2.0)),
            (s("residential"), s("2026-Q1"), 1, Some(4.0)),
            (s("residential"), s("2026-Q2"), 1, Some(1.0)),
            (s("residential"), s("2026-Q4"), 1, Some(3.0)),
            (s("commercial"), s("2026-Q1"), 1, Some(5.0)),
        ]
    );
    // Residential Q2 against residential Q1 (not against all of Q1).
    close(
        report
            .group(Some("residential"), Some("2026-Q2"))
            .unwrap()
            .change
            .as_ref()
            .unwrap()
            .items[0]
            .x_mean,
        -3.0,
    );
    // Commercial 2025-Q4 has no records.
    assert_eq!(
        report
            .group(Some("commercial"), Some("2026-Q1"))
            .unwrap()
            .change
            .as_ref()
            .unwrap()
            .n,
        None
    );
}

#[test]
fn households_count_in_the_period_of_their_latest_visit() {
    let fx = survey();
    let records = vec![
        contact(
            &fx,
            Some("H1"),
            Some("王"),
            Outcome::NobodyHome,
            Some("2026-03-20T10:00:00+08:00"),
        ),
        contact(
            &fx,
            Some("H1"),
            Some("王"),
            Outcome::Refused,
            Some("2026-04-02T10:00:00+08:00"),
        ),
        contact(
            &fx,
            Some("H2"),
            Some("王"),
            Outcome::NobodyHome,
            Some("2026-03-21T10:00:00+08:00"),
        ),
        contact(&fx, Some("H3"), Some("李"), Outcome::Completed, None),
    ];
    let report = run_with(&fx, &records, &by(None, Some(Period::Quarter)));
    let households = |p| {
        report
            .group(None, Some(p))
            .unwrap()
            .response_rate
            .overall
            .households
    };
    assert_eq!((households("2026-Q1"), households("2026-Q2")), (1, 1));
    assert_eq!(
        report.total.response_rate.overall.households, 3,
        "the undated household is in the total only"
    );
    let q2 = report.group(None, Some("2026-Q2")).unwrap();
    assert_eq!(q2.n, 0);
    // Rate 0/1 in both quarters: change 0; the count of responses changes by 0.
    assert_eq!(q2.change.as_ref().unwrap().response_rate, Some(0.0));
}

#[test]
fn regrouping_prepared_records_equals_aggregating_afresh() {
    use canvass_core::aggregate::{aggregate, NoLogic, Prepared};
    let fx = survey();
    let records = quarters(&fx);
    let prepared = Prepared::new(&fx.model, &fx.survey, &fx.analysis, &records, &NoLogic).unwrap();
    assert_eq!(prepared.len(), 6);
    for options in [
        by(None, None),
        by(Some(Segment::Question("type".into())), Some(Period::Month)),
        by(
            Some(Segment::Question("channels".into())),
            Some(Period::Year),
        ),
        by(Some(Segment::Meta("project".into())), None),
    ] {
        let fresh = aggregate(&fx.model, &fx.survey, &fx.analysis, &records, &options).unwrap();
        assert_eq!(prepared.report(&options).unwrap(), fresh, "{options:?}");
    }
}

#[test]
fn options_read_as_documented() {
    let options: AggregateOptions =
        serde_json::from_str(r#"{"by": {"kind": "meta", "name": "project"}, "period": "month"}"#)
            .unwrap();
    assert_eq!(
        options,
        by(Some(Segment::Meta("project".into())), Some(Period::Month))
    );
    let json = serde_json::to_string(&by(
        Some(Segment::Question("type".into())),
        Some(Period::Quarter),
    ))
    .unwrap();
    assert_eq!(
        json,
        r#"{"by":{"kind":"question","name":"type"},"period":"quarter"}"#
    );
}
