use std::collections::BTreeMap;

use serde_json::json;

use super::*;
use crate::paradata::Paradata;
use crate::response::SurveyRef;
use crate::visit::Visit;

fn response(n: u128, survey: &str, completed: Option<&str>, visit: Option<Visit>) -> Response {
    Response {
        id: Uuid::from_u128(n),
        survey: SurveyRef {
            id: survey.into(),
            version: "1".into(),
            hash: "h".into(),
        },
        started_at: "2026-11-01T08:00:00+08:00".into(),
        completed_at: completed.map(str::to_owned),
        answers: BTreeMap::from([
            ("q1".to_owned(), json!("good")),
            (
                "remarks".to_owned(),
                json!("Water pressure is LOW on floor 5"),
            ),
        ]),
        meta: BTreeMap::new(),
        score: None,
        visit,
    }
}

fn visit(household: &str, who: &str, outcome: Outcome, at: &str) -> Visit {
    Visit {
        household: Some(household.into()),
        interviewer: Some(who.into()),
        outcome,
        at: Some(at.into()),
        note: Some("gate code 1234".into()),
        ..Visit::default()
    }
}

fn rows() -> Vec<ResponseRow> {
    vec![
        ResponseRow::of(
            &response(
                1,
                "a",
                Some("2026-11-02T10:00:00+08:00"),
                Some(visit(
                    "1-101",
                    "王芳",
                    Outcome::Completed,
                    "2026-11-02T09:50:00+08:00",
                )),
            ),
            Some(FollowUpStatus::Open),
            None,
        ),
        ResponseRow::of(
            &response(
                2,
                "a",
                None,
                Some(visit(
                    "1-102",
                    "李雷",
                    Outcome::Refused,
                    "2026-11-03T10:00:00+08:00",
                )),
            ),
            None,
            None,
        ),
        ResponseRow::of(&response(3, "b", None, None), None, None),
        ResponseRow::of(
            &response(4, "b", Some("2026-11-05T10:00:00+08:00"), None),
            Some(FollowUpStatus::Resolved),
            None,
        ),
    ]
}

fn ids(rows: &[ResponseRow], f: &RowFilter) -> Vec<u128> {
    filter_rows(rows, f)
        .into_iter()
        .map(|i| rows[i].id.as_u128())
        .collect()
}

#[test]
fn rows_summarise_status_date_and_visit() {
    let r = rows();
    assert_eq!(
        r.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![
            RowStatus::Completed,
            RowStatus::VisitOnly,
            RowStatus::Draft,
            RowStatus::Completed
        ]
    );
    assert_eq!(r[0].date(), "2026-11-02");
    assert_eq!(
        r[1].date(),
        "2026-11-03",
        "a visit record dates by its visit"
    );
    assert_eq!(r[2].date(), "2026-11-01", "a draft dates by its start");
    assert_eq!(r[0].household.as_deref(), Some("1-101"));
    let started = ResponseRow::of(
        &response(
            5,
            "a",
            None,
            Some(visit(
                "1-105",
                "王芳",
                Outcome::Completed,
                "2026-11-04T10:00:00+08:00",
            )),
        ),
        None,
        None,
    );
    assert_eq!(
        (started.status, started.outcome),
        (RowStatus::Draft, None),
        "a draft's visit has no outcome yet"
    );
    assert!(r[0].text.contains("water pressure is low"));
    assert!(
        !r[0].text.contains("good"),
        "short choice values are not searched"
    );
}

#[test]
fn an_empty_filter_keeps_everything_newest_first() {
    assert_eq!(ids(&rows(), &RowFilter::default()), vec![4, 3, 2, 1]);
}

#[test]
fn each_filter_part_narrows_the_list() {
    let r = rows();
    let f = |g: fn(&mut RowFilter)| {
        let mut f = RowFilter::default();
        g(&mut f);
        f
    };
    assert_eq!(ids(&r, &f(|f| f.survey = Some("b".into()))), vec![4, 3]);
    assert_eq!(
        ids(&r, &f(|f| f.status = Some(StatusFilter::Completed))),
        vec![4, 1]
    );
    assert_eq!(
        ids(&r, &f(|f| f.status = Some(StatusFilter::Draft))),
        vec![3]
    );
    assert_eq!(
        ids(&r, &f(|f| f.status = Some(StatusFilter::VisitOnly))),
        vec![2]
    );
    assert_eq!(
        ids(&r, &f(|f| f.status = Some(StatusFilter::FollowUp))),
        vec![1],
        "resolved cases are done"
    );
    assert_eq!(
        ids(&r, &f(|f| f.interviewer = Some("李雷".into()))),
        vec![2]
    );
    assert_eq!(
        ids(&r, &f(|f| f.from = Some("2026-11-03".into()))),
        vec![4, 2]
    );
    assert_eq!(
        ids(&r, &f(|f| f.to = Some("2026-11-02".into()))),
        vec![3, 1]
    );
    assert_eq!(
        ids(
            &r,
            &f(|f| {
                f.from = Some("2026-11-02".into());
                f.to = Some("2026-11-03".into())
            })
        ),
        vec![2, 1]
    );
    assert_eq!(
        ids(&r, &f(|f| f.text = "  1-10 GATE ".into())),
        vec![2, 1],
        "all words, any case"
    );
    assert_eq!(ids(&r, &f(|f| f.text = "gate 1-102".into())), vec![2]);
    assert_eq!(
        ids(
            &r,
            &f(|f| f.text = "00000000-0000-0000-0000-000000000003".into())
        ),
        vec![3],
        "by id"
    );
    assert_eq!(
        ids(&r, &f(|f| f.text = "nowhere".into())),
        Vec::<u128>::new()
    );
    assert_eq!(
        ids(&r, &f(|f| f.survey = Some("  ".into()))),
        vec![4, 3, 2, 1],
        "blank means any"
    );
}

#[test]
fn a_fast_completed_response_is_marked() {
    let mut answers = BTreeMap::new();
    for i in 0..30 {
        answers.insert(format!("q{i}"), json!("a"));
    }
    let mut r = response(1, "a", Some("2026-11-02T10:00:00+08:00"), None);
    r.answers = answers;
    let mut p = Paradata::start(0);
    p.finish(40_000);
    assert!(ResponseRow::of(&r, None, Some(&p)).fast);
    let mut slow = Paradata::start(0);
    slow.finish(300_000);
    assert!(!ResponseRow::of(&r, None, Some(&slow)).fast);
    assert!(!ResponseRow::of(&r, None, None).fast);
}

#[test]
fn rows_round_trip_and_list_interviewers_once() {
    let r = rows();
    let back: Vec<ResponseRow> = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
    assert_eq!(back, r);
    assert_eq!(interviewers(&r), vec!["李雷".to_owned(), "王芳".to_owned()]);
}

#[test]
fn chunks_fill_in_order_replace_by_id_and_round_trip() {
    let row = |n: u128| {
        let mut r = rows()[0].clone();
        r.id = Uuid::from_u128(n);
        r
    };
    let mut c = RowChunks::default();
    for n in 0..(CHUNK_ROWS as u128 + 3) {
        assert_eq!(c.upsert(row(n)), (n as usize) / CHUNK_ROWS);
    }
    assert_eq!(c.chunks, vec![(0, CHUNK_ROWS), (1, 3)]);
    let mut again = row(7);
    again.grade = Some("差".into());
    assert_eq!(
        c.upsert(again),
        0,
        "an existing id is replaced in its chunk"
    );
    assert_eq!(c.rows.len(), CHUNK_ROWS + 3);
    assert_eq!(c.rows[7].grade.as_deref(), Some("差"));
    let last = Uuid::from_u128(CHUNK_ROWS as u128 + 1);
    assert_eq!(c.set_follow_up(last, FollowUpStatus::Resolved), Some(1));
    assert_eq!(
        c.set_follow_up(Uuid::from_u128(99_999), FollowUpStatus::Resolved),
        None
    );

    let stored: Vec<(String, String)> = (0..c.chunks.len())
        .rev()
        .map(|i| (c.key(i), c.encode(i)))
        .collect();
    assert_eq!(stored[0].0, "chunk:00001");
    let (back, errors) = RowChunks::decode(stored);
    assert!(errors.is_empty());
    assert_eq!(back, c, "keys sort back into chunk order");
}

#[test]
fn an_unreadable_chunk_is_reported_and_never_overwritten_by_a_later_one() {
    let mut c = RowChunks::default();
    for n in 0..(2 * CHUNK_ROWS as u128 + 1) {
        let mut r = rows()[0].clone();
        r.id = Uuid::from_u128(n);
        c.upsert(r);
    }
    let stored = vec![
        ("chunk:00000".to_owned(), c.encode(0)),
        ("chunk:00001".to_owned(), "[nonsense".to_owned()),
        ("chunk:00002".to_owned(), c.encode(2)),
        ("rows-1".to_owned(), "[]".to_owned()),
    ];
    let (mut partial, errors) = RowChunks::decode(stored);
    let keys: Vec<&str> = errors.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, vec!["rows-1", "chunk:00001"]);
    assert!(
        errors[1].1.starts_with("list rows chunk:00001: "),
        "{errors:?}"
    );
    assert_eq!(partial.rows.len(), CHUNK_ROWS + 1);
    assert_eq!(partial.chunks, vec![(0, CHUNK_ROWS), (2, 1)]);
    // A new row goes to chunk 2 (not full), never to the unreadable 1.
    let mut r = rows()[0].clone();
    r.id = Uuid::from_u128(1_000_000);
    let c2 = partial.upsert(r);
    assert_eq!(partial.key(c2), "chunk:00002");
}
