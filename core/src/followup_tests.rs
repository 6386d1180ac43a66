use std::collections::BTreeSet;

use serde_json::json;

use super::*;
use crate::response::SurveyRef;

const SURVEY: &str = r#"{
  "id": "cb", "title": "Callback",
  "pages": [{"elements": [
    {"type": "radiogroup", "name": "speed", "scored": true, "choices": [
      {"value": "good", "text": "Good", "score": 2},
      {"value": "ok", "text": "OK", "score": 1},
      {"value": "bad", "text": "Bad", "score": 0}]},
    {"type": "text", "name": "phone"},
    {"type": "text", "name": "name"},
    {"type": "boolean", "name": "mayContact"}]}],
  "scoring": {"boxSize": 1, "contact": {"questions": ["phone", "name"], "consent": "mayContact"}}
}"#;

fn answers(speed: &str, consent: Option<bool>) -> Answers {
    let mut a = Answers::new();
    a.insert("speed".into(), json!(speed));
    a.insert("phone".into(), json!(" 138 0000 0000 "));
    a.insert("name".into(), json!("李先生"));
    if let Some(c) = consent {
        a.insert("mayContact".into(), json!(c));
    }
    a
}

fn completed(speed: &str, consent: Option<bool>) -> (Response, Option<ContactSpec>) {
    let loaded = crate::load(SURVEY).expect("loads");
    let raw: serde_json::Value = serde_json::from_str(SURVEY).unwrap();
    let spec = ContactSpec::from_scoring(&raw["scoring"], &loaded.survey).unwrap();
    let answers = answers(speed, consent);
    let score = loaded.scoring.score(&answers, &BTreeSet::new()).unwrap();
    let response = Response {
        id: Uuid::from_u128(9),
        survey: SurveyRef {
            id: "cb".into(),
            version: "1".into(),
            hash: "h".into(),
        },
        started_at: "2026-11-23T09:00:00+08:00".into(),
        completed_at: Some("2026-11-30T23:50:00+08:00".into()),
        answers,
        meta: Default::default(),
        score: Some(score),
        visit: None,
    };
    (response, spec)
}

#[test]
fn a_bottom_box_answer_opens_a_case_with_its_reason_and_due_date() {
    let (r, spec) = completed("bad", Some(true));
    let case = FollowUpCase::open(&r, spec.as_ref(), Some("张三".into()), 3).expect("flagged");
    assert_eq!(
        case.reasons,
        vec![FollowUpReason::BottomBox {
            item: "speed".into()
        }]
    );
    assert_eq!(case.status, FollowUpStatus::Open);
    // Local date of completion (Nov 30) + 3 days crosses the month.
    assert_eq!(case.due.as_deref(), Some("2026-12-03"));
    assert_eq!(case.assignee.as_deref(), Some("张三"));
    assert_eq!(
        case.contact.get("phone").map(String::as_str),
        Some("138 0000 0000")
    );
    assert_eq!(case.contact.get("name").map(String::as_str), Some("李先生"));
}

#[test]
fn no_consent_means_no_contact_in_the_case() {
    for consent in [Some(false), None] {
        let (r, spec) = completed("bad", consent);
        let case = FollowUpCase::open(&r, spec.as_ref(), None, 3).unwrap();
        assert!(case.contact.is_empty(), "consent {consent:?}");
    }
    // A survey that declares no contact questions never copies any.
    let (r, _) = completed("bad", Some(true));
    assert!(FollowUpCase::open(&r, None, None, 3)
        .unwrap()
        .contact
        .is_empty());
}

#[test]
fn unflagged_drafts_and_unscored_responses_open_no_case() {
    let (r, spec) = completed("good", Some(true));
    assert_eq!(FollowUpCase::open(&r, spec.as_ref(), None, 3), None);
    let (mut draft, _) = completed("bad", None);
    draft.completed_at = None;
    assert_eq!(FollowUpCase::open(&draft, None, None, 3), None);
    let (mut unscored, _) = completed("bad", None);
    unscored.score = None;
    assert_eq!(FollowUpCase::open(&unscored, None, None, 3), None);
}

#[test]
fn statuses_move_forward_resolving_needs_a_note_and_history_is_kept() {
    let (r, spec) = completed("bad", None);
    let mut case = FollowUpCase::open(&r, spec.as_ref(), None, 3).unwrap();
    let t = "2026-12-01T10:00:00+08:00";
    case.transition(FollowUpStatus::Contacted, t, Some("张三"), None)
        .unwrap();
    let err = case
        .transition(FollowUpStatus::Resolved, t, None, Some("  "))
        .unwrap_err();
    assert!(err.to_string().contains("needs a note"), "{err}");
    assert_eq!(case.status, FollowUpStatus::Contacted);
    let err = case
        .transition(FollowUpStatus::Open, t, None, Some("x"))
        .unwrap_err();
    assert!(matches!(
        err,
        FollowUpError::NotAllowed {
            from: "contacted",
            to: "open",
            ..
        }
    ));
    case.transition(
        FollowUpStatus::Resolved,
        t,
        Some("张三"),
        Some("repaired the pump"),
    )
    .unwrap();
    assert_eq!(case.notes.len(), 1);
    assert_eq!(case.notes[0].text, "repaired the pump");
    case.transition(FollowUpStatus::Open, t, None, Some("leaks again"))
        .unwrap();
    let steps: Vec<_> = case.history.iter().map(|h| (h.from, h.to)).collect();
    use FollowUpStatus::*;
    assert_eq!(
        steps,
        vec![(Open, Contacted), (Contacted, Resolved), (Resolved, Open)]
    );
}

#[test]
fn every_transition_follows_the_table() {
    use FollowUpStatus::*;
    let allowed = [
        (Open, Contacted),
        (Open, Resolved),
        (Contacted, Resolved),
        (Resolved, Open),
    ];
    for from in FollowUpStatus::ALL {
        for to in FollowUpStatus::ALL {
            assert_eq!(
                from.allows(to).is_some(),
                allowed.contains(&(from, to)),
                "{from:?} → {to:?}"
            );
        }
    }
}

#[test]
fn due_dates_are_checked_and_overdue_ignores_resolved_cases() {
    let (r, _) = completed("bad", None);
    let mut case = FollowUpCase::open(&r, None, None, 3).unwrap();
    assert!(case.set_due("2026-02-30").is_err());
    assert!(case.set_due("2026-2-3").is_err());
    case.set_due("2026-12-05").unwrap();
    assert!(case.is_overdue("2026-12-06"));
    assert!(!case.is_overdue("2026-12-05"));
    case.transition(FollowUpStatus::Resolved, "t", None, Some("done"))
        .unwrap();
    assert!(!case.is_overdue("2027-01-01"));
    case.set_due("").unwrap();
    assert_eq!(case.due, None);
    assert!(case.add_note("t", None, " ").is_err());
}

#[test]
fn a_case_round_trips_through_json() {
    let (r, spec) = completed("bad", Some(true));
    let mut case = FollowUpCase::open(&r, spec.as_ref(), Some("A".into()), 3).unwrap();
    case.transition(FollowUpStatus::Contacted, "t", None, Some("called"))
        .unwrap();
    let back: FollowUpCase = serde_json::from_value(serde_json::to_value(&case).unwrap()).unwrap();
    assert_eq!(back, case);
    let v = serde_json::to_value(&case).unwrap();
    assert_eq!(v["status"], "contacted");
    assert_eq!(v["reasons"][0]["kind"], "bottomBox");
}

#[test]
fn contact_declarations_name_real_questions() {
    let loaded = crate::load(SURVEY).unwrap();
    let cases = [
        (
            json!({"contact": {"questions": ["nope"], "consent": "mayContact"}}),
            "no question named \"nope\"",
        ),
        (
            json!({"contact": {"questions": ["phone"]}}),
            "\"consent\" must name",
        ),
        (
            json!({"contact": {"questions": "phone", "consent": "mayContact"}}),
            "list of question names",
        ),
        (
            json!({"contact": {"questions": [], "consent": "mayContact", "extra": 1}}),
            "unknown property \"extra\"",
        ),
        (
            json!({"contact": {"questions": [], "consent": "mayContact", "consentValues": []}}),
            "non-empty",
        ),
    ];
    for (scoring, expected) in cases {
        let err = ContactSpec::from_scoring(&scoring, &loaded.survey)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("scoring.contact: ") && err.contains(expected),
            "{err}"
        );
    }
    assert_eq!(
        ContactSpec::from_scoring(&json!({}), &loaded.survey),
        Ok(None)
    );
    let custom = ContactSpec::from_scoring(
        &json!({"contact": {"questions": ["phone"], "consent": "speed", "consentValues": ["good"]}}),
        &loaded.survey,
    )
    .unwrap()
    .unwrap();
    assert!(custom.consented(&answers("good", None)));
    assert!(!custom.consented(&answers("bad", None)));
}
