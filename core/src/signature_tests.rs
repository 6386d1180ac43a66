use super::*;
use crate::bundle::{read_export_file, write, write_export, BundleError};
use crate::export::ExportedSurvey;
use crate::response::{Answers, Response, SurveyRef};
use ::base64::Engine as _;
use serde_json::json;

/// A real 1×1 PNG, as `canvas.toDataURL()` would give it.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
/// `<svg xmlns="http://www.w3.org/2000/svg"/>`
const SVG: &str = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=";

fn survey() -> crate::LoadedSurvey {
    crate::load(
        r#"{"id": "s", "elements": [
            {"type": "signaturepad", "name": "sign"},
            {"type": "panel", "name": "p", "elements": [{"type": "signaturepad", "name": "签名/住户"}]},
            {"type": "file", "name": "photo"},
            {"type": "text", "name": "note"}]}"#,
    )
    .unwrap()
}

fn response(n: u128, answers: Answers) -> Response {
    Response {
        id: uuid::Uuid::from_u128(n),
        survey: SurveyRef { id: "s".into(), version: "1".into(), hash: "h".into() },
        started_at: "2026-11-23T09:00:00+08:00".into(),
        completed_at: Some("2026-11-23T09:02:00+08:00".into()),
        answers,
        meta: Default::default(),
        score: None,
        visit: None,
    }
}

fn export(responses: Vec<Response>) -> Export {
    let identity = SurveyRef { id: "s".into(), version: "1".into(), hash: "h".into() };
    let title = crate::survey::LocalizedText::plain("S");
    Export::new(ExportedSurvey { identity, title }, responses, "2026-11-23T09:03:00+08:00".into())
}

fn answers(pairs: &[(&str, Value)]) -> Answers {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

/// Two responses with signatures (PNG and SVG), one with a photo too, and a
/// text answer that holds a data URL (not a signature: stays inline).
fn two() -> Export {
    let png = json!(format!("data:image/png;base64,{PNG}"));
    let svg = json!(format!("data:image/svg+xml;base64,{SVG}"));
    let photo = json!([{"name": "a.jpg", "type": "image/jpeg", "content": "media/00000000-0000-0000-0000-000000000001/photo-1.jpg", "size": 4}]);
    export(vec![
        response(1, answers(&[("sign", png.clone()), ("签名/住户", svg), ("photo", photo), ("note", png.clone())])),
        response(2, answers(&[("sign", png), ("note", json!("media/x.png"))])),
    ])
}

const R1: &str = "media/00000000-0000-0000-0000-000000000001/";
const R2: &str = "media/00000000-0000-0000-0000-000000000002/";

#[test]
fn data_urls_and_names() {
    assert_eq!(data_url("data:image/png;base64,AAAA"), Some(("image/png", "png", "AAAA")));
    assert_eq!(data_url("data:image/jpeg;base64,"), Some(("image/jpeg", "jpg", "")));
    assert_eq!(data_url("data:image/svg+xml;base64,PHN2"), Some(("image/svg+xml", "svg", "PHN2")));
    for other in ["data:image/gif;base64,AAAA", "data:image/png,%89PNG", "image/png;base64,AAAA", "media/r/sign.png"] {
        assert_eq!(data_url(other), None, "{other}");
    }
    assert_eq!(file_name("r1", "sign", "png"), "media/r1/sign.png");
    assert_eq!(file_name("r1", "签名/住户", "svg"), "media/r1/签名_住户.svg");
    assert_eq!(reference("r1", "sign", &json!("media/r1/sign.png")), Some(("media/r1/sign.png", "image/png")));
    assert_eq!(reference("r1", "sign", &json!("media/r1/sign.jpg")), Some(("media/r1/sign.jpg", "image/jpeg")));
    // Another response's or question's name, or a photo name, is not this answer's signature.
    for not_it in [json!("media/r2/sign.png"), json!("media/r1/other.png"), json!("media/r1/sign-1.png"), json!("media/r1/signpng"), json!(3)] {
        assert_eq!(reference("r1", "sign", &not_it), None, "{not_it}");
    }
}

#[test]
fn zip_round_trip_moves_signatures_into_files_and_back() {
    let loaded = survey();
    let e = two();
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xD9];
    let zip = write_export(&loaded.survey, &e, &[(format!("{R1}photo-1.jpg"), jpeg.clone())]).unwrap();

    // Inside the ZIP: names in the JSON, the decoded bytes as files.
    let entries = crate::zip::read(&zip).unwrap();
    let names: Vec<&str> = entries.iter().map(|x| x.name.as_str()).collect();
    let (sign1, sign2, svg1) = (format!("{R1}sign.png"), format!("{R2}sign.png"), format!("{R1}签名_住户.svg"));
    assert_eq!(names, ["export.json", &format!("{R1}photo-1.jpg"), &sign1, &svg1, &sign2]);
    let inner = Export::from_slice(entries[0].data).unwrap();
    assert_eq!(inner.responses[0].answers["sign"], json!(sign1));
    assert_eq!(inner.responses[0].answers["签名/住户"], json!(svg1));
    assert_eq!(inner.responses[1].answers["sign"], json!(sign2));
    assert_eq!(inner.responses[0].answers["note"], e.responses[0].answers["note"], "a text answer stays as typed");
    let inline = String::from_utf8_lossy(entries[0].data).matches("data:image/").count();
    assert_eq!(inline, 1, "only the text answer keeps its data URL");
    let png = ::base64::engine::general_purpose::STANDARD.decode(PNG).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(entries[2].data, png.as_slice());
    assert_eq!(entries[4].data, png.as_slice());
    assert_eq!(entries[3].data, b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

    // Read back: SurveyJS's data URLs again, nothing missing.
    let back = read_export_file(&zip).unwrap();
    assert_eq!(back.export, e);
    assert!(back.missing.is_empty(), "{:?}", back.missing);
    assert_eq!(back.media.len(), 4);
}

#[test]
fn malformed_base64_names_response_and_question() {
    let loaded = survey();
    let mut e = two();
    e.responses[1].answers.insert("sign".into(), json!("data:image/png;base64,iVBOR w0K"));
    let err = write_export(&loaded.survey, &e, &[]).unwrap_err();
    assert!(matches!(err, BundleError::Signature(SignatureError::Base64 { .. })));
    assert_eq!(
        err.to_string(),
        "response 00000000-0000-0000-0000-000000000002, question \"sign\": the signature's data URL is not valid base64: length 9 is not a multiple of 4"
    );
    e.responses[1].answers.insert("sign".into(), json!("data:image/png;base64,iVBO*w0K"));
    let err = write_export(&loaded.survey, &e, &[]).unwrap_err().to_string();
    assert!(err.ends_with("character '*' at offset 4 is not base64"), "{err}");
}

#[test]
fn a_missing_signature_file_is_reported_and_the_reference_kept() {
    let loaded = survey();
    let e = two();
    let (detached, files) = detach(&loaded.survey, &e).unwrap();
    assert_eq!(files.len(), 3);
    // A ZIP that lost the second response's signature file.
    let kept: Vec<(String, Vec<u8>)> = files.into_iter().filter(|(n, _)| !n.starts_with(R2)).collect();
    let zip = write(&detached, &detached.to_json(), &kept).unwrap();
    let back = read_export_file(&zip).unwrap();
    let sign2 = format!("{R2}sign.png");
    assert_eq!(back.missing, vec![format!("{R1}photo-1.jpg"), sign2.clone()]);
    assert_eq!(back.export.responses[1].answers["sign"], json!(sign2), "left as the reference");
    assert_eq!(back.export.responses[0].answers["sign"], e.responses[0].answers["sign"], "present ones come back");

    // The office's and the CLI's merge report it like a missing photo.
    let outcome = crate::merge::merge_files(vec![("a.zip".to_owned(), zip.clone())], None, &|_, _| false);
    assert_eq!(outcome.media[0].missing, back.missing);
    assert_eq!(outcome.media[0].files.len(), 2);
}

#[test]
fn answers_that_are_not_signature_data_urls_are_left_alone() {
    let loaded = survey();
    let e = export(vec![response(
        3,
        answers(&[("sign", json!("data:image/gif;base64,R0lG")), ("签名/住户", Value::Null), ("note", json!("hi"))]),
    )]);
    let (same, files) = detach(&loaded.survey, &e).unwrap();
    assert_eq!(same, e);
    assert!(files.is_empty());
    // A plain JSON export keeps signatures inline: nothing to report.
    assert!(read_export_file(e.to_json().as_bytes()).unwrap().missing.is_empty());
}
