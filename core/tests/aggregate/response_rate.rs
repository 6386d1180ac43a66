//! Response rate (DOMAIN resolved item 21): households by their latest
//! visit, ties to the record stored later, undated older than dated,
//! invalid addresses left out, "(none)" for visits without an interviewer.

use canvass_core::aggregate::response_rate::{latest_visits, RateCell};
use canvass_core::visit::Outcome::*;
use serde_json::json;

use super::{close, completed_at, contact, done, fixture, run, visit, Fx};

fn survey() -> Fx {
    fixture(json!({"elements": [{"type": "rating", "name": "q", "scored": true}]}))
}

fn cell(households: u64, completed: u64, invalid_address: u64) -> (u64, u64, u64) {
    (households, completed, invalid_address)
}

fn counts(c: &RateCell) -> (u64, u64, u64) {
    (c.households, c.completed, c.invalid_address)
}

#[test]
fn households_by_latest_visit() {
    let fx = survey();
    let with_visit = |answers, v| {
        let mut r = done(&fx, answers);
        r.visit = Some(v);
        r
    };
    let records = vec![
        // H1: nobody home, then completed a day later (王).
        contact(
            &fx,
            Some("H1"),
            Some("王"),
            NobodyHome,
            Some("2026-11-01T10:00:00+08:00"),
        ),
        with_visit(
            json!({"q": 4}),
            visit(
                Some("H1"),
                Some("王"),
                Completed,
                Some("2026-11-02T09:00:00+08:00"),
            ),
        ),
        // H2: completed and refused at the same instant (10:00+08:00 =
        // 02:00Z): the refusal is stored later and wins (李).
        with_visit(
            json!({"q": 5}),
            visit(
                Some("H2"),
                Some("李"),
                Completed,
                Some("2026-11-03T10:00:00+08:00"),
            ),
        ),
        contact(
            &fx,
            Some("H2"),
            Some("李"),
            Refused,
            Some("2026-11-03T02:00:00Z"),
        ),
        // H3: an invalid address, then an undated call-back stored later:
        // undated is older, so the household is an invalid address (王).
        contact(
            &fx,
            Some("H3"),
            Some("王"),
            InvalidAddress,
            Some("2026-11-04T10:00:00+08:00"),
        ),
        contact(&fx, Some("H3"), Some("王"), CallBackLater, None),
        // H4: 23:00−05:00 on the 5th is 04:00Z on the 6th, later than
        // 10:00+08:00 on the 6th (02:00Z): completed by 张 wins.
        with_visit(
            json!({"q": 3}),
            visit(
                Some("H4"),
                Some("张"),
                Completed,
                Some("2026-11-05T23:00:00-05:00"),
            ),
        ),
        contact(
            &fx,
            Some("H4"),
            Some("王"),
            NobodyHome,
            Some("2026-11-06T10:00:00+08:00"),
        ),
        // Two visits without a household key: each its own household, no interviewer.
        with_visit(json!({"q": 2}), visit(None, None, Completed, None)),
        contact(&fx, None, None, NobodyHome, None),
        // An invalid response still counts for the response rate (王).
        with_visit(
            json!({"q": 42}),
            visit(
                Some("H5"),
                Some("王"),
                Completed,
                Some("2026-11-07T10:00:00+08:00"),
            ),
        ),
        // A draft with a visit counts; a completed response without one does not.
        {
            let mut d = completed_at(&fx, json!({"q": 1}), None);
            d.visit = Some(visit(
                Some("H6"),
                Some("李"),
                Refused,
                Some("2026-11-08T10:00:00+08:00"),
            ));
            d
        },
        done(&fx, json!({"q": 1})),
    ];
    let report = run(&fx, &records);
    let rate = &report.total.response_rate;
    // Contacted H1 H2 H4 N1 N2 H5 H6 = 7; completed H1 H4 N1 H5 = 4; H3 out.
    assert_eq!(counts(&rate.overall), cell(7, 4, 1));
    close(rate.overall.rate, 4.0 / 7.0);
    let per: Vec<(&str, (u64, u64, u64))> = rate
        .per_interviewer
        .iter()
        .map(|r| (r.interviewer.as_str(), counts(&r.rate)))
        .collect();
    assert_eq!(
        per,
        [
            ("张", cell(1, 1, 0)),
            ("李", cell(2, 0, 0)),
            ("王", cell(2, 2, 1)),
            ("(none)", cell(2, 1, 0))
        ],
        "interviewers by name, (none) last"
    );
    assert_eq!(rate.per_interviewer[2].rate.rate, Some(1.0));
    assert_eq!(report.records.with_visit, 12);
    assert_eq!(
        report.total.n, 5,
        "H1 H2 H4 N1 and the response without a visit; H5 is invalid"
    );
}

#[test]
fn rate_is_null_without_contacted_households() {
    let fx = survey();
    let only_invalid = vec![contact(&fx, Some("H"), Some("王"), InvalidAddress, None)];
    let rate = run(&fx, &only_invalid).total.response_rate;
    assert_eq!(
        (counts(&rate.overall), rate.overall.rate),
        (cell(0, 0, 1), None)
    );
    let none = run(&fx, &[done(&fx, json!({"q": 3}))]).total.response_rate;
    assert_eq!(
        (counts(&none.overall), none.overall.rate),
        (cell(0, 0, 0), None)
    );
    assert!(none.per_interviewer.is_empty());
}

#[test]
fn latest_visit_indices() {
    let fx = survey();
    let t = |s: &str| Some(s.to_owned());
    let mut records = vec![
        contact(
            &fx,
            Some("A"),
            None,
            NobodyHome,
            Some("2026-01-02T00:00:00Z"),
        ),
        contact(&fx, Some("A"), None, Refused, None),
        contact(&fx, Some("B"), None, Refused, Some("2026-01-01T00:00:00Z")),
        contact(
            &fx,
            Some("A"),
            None,
            Completed,
            Some("2026-01-02T00:00:00Z"),
        ),
        contact(&fx, Some("B"), None, Completed, Some("not a time")),
        done(&fx, json!({})),
    ];
    // A: 0 and 3 tie, 3 is stored later; B: 4's time is unreadable, so
    // undated and older than 2.
    assert_eq!(latest_visits(&records), [3, 2]);
    // A visit's time falls back to the record's completedAt.
    records[4].completed_at = t("2026-01-05T00:00:00Z");
    records[4].visit.as_mut().unwrap().at = None;
    assert_eq!(latest_visits(&records), [3, 4]);
}
