use super::*;
use crate::export::ExportedSurvey;
use crate::response::{Response, SurveyRef};
use serde_json::json;

fn export() -> Export {
    let identity = SurveyRef { id: "s".into(), version: "1".into(), hash: "h".into() };
    let mut answers = crate::response::Answers::new();
    answers.insert(
        "photo".into(),
        json!([{"name": "IMG.jpg", "type": "image/jpeg", "content": "media/r1/photo-1.jpg", "size": 4}]),
    );
    answers.insert("note".into(), json!("fine"));
    let response = Response {
        id: uuid::Uuid::from_u128(1),
        survey: identity.clone(),
        started_at: "2026-11-23T09:00:00+08:00".into(),
        completed_at: Some("2026-11-23T09:02:00+08:00".into()),
        answers,
        meta: Default::default(),
        score: None,
        visit: None,
    };
    Export::new(
        ExportedSurvey { identity, title: crate::survey::LocalizedText::plain("S") },
        vec![response],
        "2026-11-23T09:03:00+08:00".into(),
    )
}

#[test]
fn zip_round_trip_keeps_the_export_and_the_photos() {
    let e = export();
    let json = e.to_json();
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xD9];
    let bytes = write(&e, &json, &[("media/r1/photo-1.jpg".into(), jpeg.clone())]).unwrap();
    let back = read_export_file(&bytes).unwrap();
    assert!(back.zipped);
    assert_eq!(back.export, e);
    assert_eq!(back.media, vec![MediaFile { name: "media/r1/photo-1.jpg".into(), data: &jpeg }]);
    assert!(back.missing.is_empty());
}

#[test]
fn plain_json_still_reads_and_lists_what_it_lacks() {
    let e = export();
    let json = e.to_json();
    let back = read_export_file(json.as_bytes()).unwrap();
    assert!(!back.zipped);
    assert_eq!(back.missing, vec!["media/r1/photo-1.jpg".to_owned()]);
}

#[test]
fn a_zip_without_a_photo_reports_it_missing() {
    let e = export();
    let bytes = write(&e, &e.to_json(), &[]).unwrap();
    assert_eq!(read_export_file(&bytes).unwrap().missing, vec!["media/r1/photo-1.jpg".to_owned()]);
}

#[test]
fn malformed_zips_name_the_place() {
    let e = export();
    let mut w = crate::zip::ZipWriter::new((0, 33));
    w.add("media/r1/photo-1.jpg", b"x").unwrap();
    let no_json = w.finish().unwrap();
    let err = read_export_file(&no_json).unwrap_err();
    assert_eq!(err.to_string(), "ZIP has no export.json entry (entries: media/r1/photo-1.jpg)");

    let mut w = crate::zip::ZipWriter::new((0, 33));
    w.add("export.json", b"{\"format\": 3}").unwrap();
    let bad_json = w.finish().unwrap();
    let err = read_export_file(&bad_json).unwrap_err().to_string();
    assert!(err.starts_with("export.json in the ZIP: not a Canvass export"), "{err}");

    let mut w = crate::zip::ZipWriter::new((0, 33));
    w.add("export.json", e.to_json().as_bytes()).unwrap();
    w.add("notes.txt", b"hello").unwrap();
    let stray = w.finish().unwrap();
    assert_eq!(
        read_export_file(&stray).unwrap_err().to_string(),
        "ZIP entry \"notes.txt\": not a media file (an export ZIP holds export.json and media/… only)"
    );

    let good = write(&e, &e.to_json(), &[]).unwrap();
    let err = read_export_file(&good[..good.len() / 2]).unwrap_err().to_string();
    assert!(err.starts_with("not a ZIP archive"), "{err}");
}

#[test]
fn merge_reads_zips_and_lists_their_photos() {
    let e = export();
    let zip = write(&e, &e.to_json(), &[("media/r1/photo-1.jpg".into(), vec![1, 2, 3, 4])]).unwrap();
    let plain = e.to_json().into_bytes();
    let outcome = crate::merge::merge_files(vec![("a.zip".to_owned(), zip), ("b.json".to_owned(), plain)], None, &|_, _| false);
    assert_eq!(outcome.rejected(), 0);
    assert_eq!(outcome.merged.as_ref().unwrap().records.len(), 1);
    assert_eq!(outcome.media.len(), 2);
    assert_eq!(outcome.media[0].files, vec![("media/r1/photo-1.jpg".to_owned(), 4)]);
    assert!(outcome.media[0].missing.is_empty());
    assert!(!outcome.media[1].zipped);
    assert_eq!(outcome.media[1].missing, vec!["media/r1/photo-1.jpg".to_owned()]);
}
