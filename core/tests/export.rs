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

/// The per-response table: one row per completed response, raw values and
/// normalised scores per item, missing values empty; CSV quoting holds.
#[test]
fn the_responses_table_has_raw_values_scores_and_metadata() {
    use canvass_core::aggregate::NoLogic;
    use canvass_core::table::{responses_table, score_records, Cell};
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../samples/property-repair-callback.json")).unwrap();
    let loaded = canvass_core::load(&text).unwrap();
    let s = &loaded.survey;
    let identity = canvass_core::response::SurveyRef { id: s.id.clone(), version: s.version.clone(), hash: s.hash.clone() };
    let mut answers = canvass_core::response::Answers::new();
    for q in ["response_speed", "punctuality", "technician_attitude", "repair_quality", "cleanliness", "charges", "overall"] {
        answers.insert(q.into(), "very_satisfied".into());
    }
    answers.insert("first_visit_fixed".into(), true.into());
    answers.insert("comments".into(), "水压, \"ok\"".into());
    let mut meta = std::collections::BTreeMap::new();
    meta.insert("interviewer".to_string(), "王芳".to_string());
    let done = canvass_core::response::Response {
        id: uuid::Uuid::from_u128(1),
        survey: identity.clone(),
        started_at: "2026-11-01T10:00:00+08:00".into(),
        completed_at: Some("2026-11-01T10:05:00+08:00".into()),
        answers,
        meta,
        score: None,
        visit: None,
    };
    let mut draft = done.clone();
    draft.id = uuid::Uuid::from_u128(2);
    draft.completed_at = None;
    let records = vec![done, draft];
    let table = responses_table(&loaded.scoring, score_records(&loaded.scoring, &records, &NoLogic));
    assert_eq!(table.rows.len(), 1, "drafts are left out");
    let row = &table.rows[0];
    let at = |name: &str| &row[table.column(name).unwrap_or_else(|| panic!("no column {name}"))];
    assert_eq!(at("meta.interviewer"), &Cell::Text("王芳".into()));
    assert_eq!(at("rawTotal"), &Cell::Number(380.0));
    assert_eq!(at("grade"), &Cell::Text("优".into()));
    assert_eq!(at("overall"), &Cell::Number(100.0));
    assert_eq!(at("item.response_speed"), &Cell::Number(50.0));
    assert_eq!(at("score.response_speed"), &Cell::Number(100.0));
    assert_eq!(at("indicator.process"), &Cell::Number(100.0));
    assert_eq!(at("followUp"), &Cell::Bool(false));
    assert_eq!(at("error"), &Cell::Empty);
    let csv = table.to_csv();
    assert!(csv.starts_with("id,completedAt,meta.interviewer,overall,rawTotal,grade,followUp,error,indicator.process,indicator.outcome,item.response_speed"), "{csv}");
    assert!(csv.contains(",380,优,false,,100,100,50,"), "{csv}");
}

/// A merged export keeps the paradata and follow-up cases of the files it
/// merged; for a response in two files, the later file's case wins.
#[test]
fn merging_files_keeps_their_paradata_and_follow_ups() {
    use canvass_core::followup::{FollowUpCase, FollowUpStatus};
    use canvass_core::merge::merge_files;
    use canvass_core::paradata::Paradata;
    let export = sample_export(2);
    let id = export.responses[0].id;
    let case = |status| FollowUpCase {
        response: id,
        survey: export.survey.identity.id.clone(),
        household: None,
        reasons: vec![],
        contact: Default::default(),
        assignee: None,
        due: None,
        status,
        notes: vec![],
        history: vec![],
        created_at: "2026-11-23T09:05:00+08:00".into(),
    };
    let first = export.clone().with_field_data([(id, Paradata::start(0))], [(id, case(FollowUpStatus::Open))]);
    let later = export.clone().with_field_data([], [(id, case(FollowUpStatus::Resolved))]);
    let out = merge_files(vec![("a.json".to_string(), first.to_json()), ("b.json".to_string(), later.to_json())], None, &|_, _| false);
    let m = out.merged.expect("both files merge");
    assert_eq!(m.paradata.len(), 1, "paradata of the first file kept");
    assert_eq!(m.follow_ups[&id].status, FollowUpStatus::Resolved, "the later file's case wins");
    let merged = canvass_core::export::Export::new(first.survey.clone(), m.records.clone(), "2026-11-23T10:00:00+08:00".into())
        .with_field_data(m.paradata.clone(), m.follow_ups.clone());
    let back = canvass_core::export::Export::from_json(&merged.to_json()).unwrap();
    assert_eq!(back.paradata.len(), 1);
    assert_eq!(back.follow_ups[&id].status, FollowUpStatus::Resolved);
}
