//! `canvass media` and `canvass score` on an export ZIP with photos (the
//! app's "export with photos"): the built binary on files written here.

use std::path::PathBuf;
use std::process::{Command, Output};

use canvass_core::export::{Export, ExportedSurvey};
use canvass_core::response::{Answers, Response, SurveyRef};
use serde_json::json;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../samples/repair-photo-check.json");

fn canvass(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canvass")).args(args).output().expect("the binary runs")
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("canvass-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

const PHOTO: &str = "media/00000000-0000-0000-0000-000000000001/finished_photos-1.jpg";

fn export() -> Export {
    let loaded = canvass_core::load(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let s = &loaded.survey;
    let identity = SurveyRef { id: s.id.clone(), version: s.version.clone(), hash: s.hash.clone() };
    let mut answers = Answers::new();
    answers.insert("work_quality".into(), json!("satisfied"));
    answers.insert("site_clean".into(), json!("partly"));
    answers.insert(
        "finished_photos".into(),
        json!([{"name": "IMG.jpg", "type": "image/jpeg", "content": PHOTO, "size": 4}]),
    );
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
    Export::new(ExportedSurvey { identity, title: s.title.clone() }, vec![response], "2026-11-23T10:00:00+08:00".into())
}

#[test]
fn media_lists_extracts_and_score_reads_the_zip() {
    let d = dir("media");
    let e = export();
    let zip = d.join("photos.zip");
    let bytes = canvass_core::bundle::write(&e, &e.to_json(), &[(PHOTO.into(), vec![0xFF, 0xD8, 0xFF, 0xD9])]).unwrap();
    std::fs::write(&zip, &bytes).unwrap();

    let out = canvass(&["media", zip.to_str().unwrap(), "--extract", d.join("x").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 responses, 1 media files"), "{text}");
    assert!(text.contains(&format!("{PHOTO}\t4")), "{text}");
    assert_eq!(std::fs::read(d.join("x").join(PHOTO)).unwrap(), [0xFF, 0xD8, 0xFF, 0xD9]);

    let out = canvass(&["score", "--survey", SAMPLE, zip.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2, "a header and one response");

    // A plain JSON export lists the photo as missing (exit 1).
    let plain = d.join("plain.json");
    std::fs::write(&plain, e.to_json()).unwrap();
    let out = canvass(&["media", plain.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("missing\t{PHOTO}")));

    // A damaged ZIP: exit 1 and the entry named.
    let mut bad = bytes.clone();
    let at = bad.windows(4).position(|w| w == [0xFF, 0xD8, 0xFF, 0xD9]).unwrap();
    bad[at] = 0;
    let damaged = d.join("damaged.zip");
    std::fs::write(&damaged, &bad).unwrap();
    for args in [vec!["media", damaged.to_str().unwrap()], vec!["score", "--survey", SAMPLE, damaged.to_str().unwrap()]] {
        let out = canvass(&args);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("ZIP entry \"{PHOTO}\": CRC-32 mismatch")), "{err}");
    }
    assert_eq!(canvass(&["media"]).status.code(), Some(2));
}

/// A 1×1 PNG, as `canvas.toDataURL()` gives it.
const PNG_B64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const SIGNATURE: &str = "media/00000000-0000-0000-0000-000000000001/resident_signature.png";

#[test]
fn media_lists_and_extracts_signature_files_and_reports_a_missing_one() {
    let d = dir("signature");
    let loaded = canvass_core::load(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let mut e = export();
    e.responses[0].answers.insert("resident_signature".into(), json!(format!("data:image/png;base64,{PNG_B64}")));
    let photo = (PHOTO.to_owned(), vec![0xFF, 0xD8, 0xFF, 0xD9]);
    let zip = d.join("signed.zip");
    std::fs::write(&zip, canvass_core::bundle::write_export(&loaded.survey, &e, &[photo.clone()]).unwrap()).unwrap();

    let out = canvass(&["media", zip.to_str().unwrap(), "--extract", d.join("x").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 responses, 2 media files"), "{text}");
    let png = std::fs::read(d.join("x").join(SIGNATURE)).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(text.contains(&format!("{SIGNATURE}\t{}", png.len())), "{text}");

    let out = canvass(&["score", "--survey", SAMPLE, zip.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));

    // The ZIP's JSON names the file; without the file it is reported missing.
    let (detached, _) = canvass_core::signature::detach(&loaded.survey, &e).unwrap();
    assert_eq!(detached.responses[0].answers["resident_signature"], json!(SIGNATURE));
    let lost = d.join("lost.zip");
    std::fs::write(&lost, canvass_core::bundle::write(&detached, &detached.to_json(), &[photo]).unwrap()).unwrap();
    let out = canvass(&["media", lost.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("missing\t{SIGNATURE}")));
}
