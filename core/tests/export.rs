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
