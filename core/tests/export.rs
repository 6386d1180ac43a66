//! Export round trip and rejection of malformed or mismatched files.

use std::collections::BTreeSet;

use canvass_core::export::{Export, ExportError, ExportedSurvey};
use canvass_core::response::{Answers, Response, SurveyRef};

fn sample_export(n: u128) -> Export {
    let loaded = canvass_core::load(include_str!("../../samples/property-repair-callback.json")).unwrap();
    let s = &loaded.survey;
    let identity = SurveyRef { id: s.id.clone(), version: s.version.clone(), hash: s.hash.clone() };
    let responses = (0..n)
        .map(|i| {
            let mut answers = Answers::new();
            answers.insert("response_speed".into(), "satisfied".into());
            answers.insert("first_visit_fixed".into(), (i % 2 == 0).into());
            answers.insert("comments".into(), "电压不稳 ok".into());
            let score = loaded.scoring.score(&answers, &BTreeSet::new()).unwrap();
            let draft = i == n - 1;
            Response {
                id: uuid::Uuid::from_u128(i + 1),
                survey: identity.clone(),
                started_at: "2026-11-23T09:00:00+08:00".into(),
                completed_at: (!draft).then(|| "2026-11-23T09:05:00+08:00".into()),
                answers,
                meta: [("locale".to_string(), "zh-cn".to_string())].into(),
                score: Some(score),
                visit: None,
            }
        })
        .collect();
    Export::new(ExportedSurvey { identity, title: s.title.clone() }, responses, "2026-11-23T10:00:00+08:00".into())
}

#[test]
fn round_trip_keeps_every_completed_response_and_drops_drafts() {
    let export = sample_export(4);
    assert_eq!(export.responses.len(), 3, "the draft is not exported");
    let text = export.to_json();
    let back = Export::from_json(&text).unwrap();
    assert_eq!(back, export);
    assert!(text.contains("\"format\": \"canvass-export\""));
    assert!(text.contains("电压不稳"), "UTF-8 text is written as is");
}

#[test]
fn rejects_malformed_and_mismatched_files_naming_the_place() {
    let err = Export::from_json("{\"format\": \"canvass-export\", ").unwrap_err();
    assert!(matches!(err, ExportError::Malformed(_)));
    assert!(err.to_string().contains("line 1"), "{err}");

    let mut export = sample_export(2);
    export.format = "something-else".into();
    let err = Export::from_json(&export.to_json()).unwrap_err();
    assert_eq!(err.to_string(), "not a Canvass export: format is \"something-else\", expected \"canvass-export\"");

    let mut export = sample_export(3);
    export.format_version = 99;
    assert!(matches!(Export::from_json(&export.to_json()).unwrap_err(), ExportError::TooNew { found: 99 }));

    let mut export = sample_export(3);
    export.responses[1].survey.version = "2".into();
    let err = Export::from_json(&export.to_json()).unwrap_err().to_string();
    assert!(err.starts_with("responses[1] (id 00000000-0000-0000-0000-000000000002)"), "{err}");
}

#[test]
fn paradata_and_follow_ups_travel_with_their_responses_and_old_files_still_load() {
    use canvass_core::followup::{FollowUpCase, FollowUpStatus};
    use canvass_core::paradata::Paradata;
    let export = sample_export(3);
    let ids: Vec<_> = export.responses.iter().map(|r| r.id).collect();
    let mut p = Paradata::start(1_000);
    p.change("response_speed", None, Some(&"satisfied".into()), false, 4_000);
    p.finish(9_000);
    let case = FollowUpCase {
        response: ids[0],
        survey: export.survey.identity.id.clone(),
        household: Some("1-101".into()),
        reasons: vec![],
        contact: Default::default(),
        assignee: Some("张三".into()),
        due: Some("2026-11-26".into()),
        status: FollowUpStatus::Contacted,
        notes: vec![],
        history: vec![],
        created_at: "2026-11-23T09:05:00+08:00".into(),
    };
    let draft_id = uuid::Uuid::from_u128(3);
    let with = export.clone().with_field_data(
        [(ids[0], p.clone()), (draft_id, Paradata::start(0))],
        [(ids[0], case.clone())],
    );
    assert_eq!(with.paradata.len(), 1, "the draft's paradata stays on the device");
    let text = with.to_json();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["paradata"][ids[0].to_string()]["changes"][0]["question"], "response_speed");
    assert_eq!(json["followUps"][ids[0].to_string()]["status"], "contacted");
    let back = Export::from_json(&text).unwrap();
    assert_eq!(back.paradata[&ids[0]].active_ms(), Some(8_000));
    assert_eq!(back.follow_ups[&ids[0]], case);

    // A file without the new fields (format version 1 as first written) loads.
    let old = export.to_json();
    assert!(!old.contains("paradata") && !old.contains("followUps"));
    let back = Export::from_json(&old).unwrap();
    assert!(back.paradata.is_empty() && back.follow_ups.is_empty());

    // Paradata about a response the file does not hold is an error naming it.
    let mut bad: serde_json::Value = serde_json::from_str(&text).unwrap();
    bad["paradata"][draft_id.to_string()] = serde_json::to_value(Paradata::start(0)).unwrap();
    let err = Export::from_json(&bad.to_string()).unwrap_err().to_string();
    assert!(err.contains("paradata") && err.contains(&draft_id.to_string()), "{err}");
}
