//! The `file` question: SurveyJS properties, the Canvass resize settings
//! and the survey's `mediaLimit`.

use canvass_core::survey::{ImageFormat, ImageSettings, QuestionKind, DEFAULT_MEDIA_LIMIT};

use super::{err, ok, page};

fn kind(json: &str) -> QuestionKind {
    let (survey, warnings) = ok(&page(json));
    assert!(warnings.is_empty(), "{warnings:?}");
    survey.questions()[0].kind.clone()
}

#[test]
fn defaults() {
    let (survey, _) = ok(&page(r#"{"type": "file", "name": "photo"}"#));
    assert_eq!(survey.media_limit, DEFAULT_MEDIA_LIMIT);
    assert_eq!(
        survey.questions()[0].kind,
        QuestionKind::File {
            source: "file".into(),
            multiple: false,
            max_size: 0,
            accepted_types: "image/*".into(),
            image: ImageSettings { max_side: 1600, format: ImageFormat::Jpeg, quality: 0.8 },
        }
    );
}

#[test]
fn every_property_is_read() {
    let k = kind(
        r#"{"type": "file", "name": "photo", "sourceType": "camera", "allowMultiple": true,
            "maxSize": 500000, "acceptedTypes": "image/jpeg,image/png", "storeDataAsText": false,
            "waitForUpload": true, "imageMaxSide": 1024, "imageFormat": "webp", "imageQuality": 0.6}"#,
    );
    assert_eq!(
        k,
        QuestionKind::File {
            source: "camera".into(),
            multiple: true,
            max_size: 500_000,
            accepted_types: "image/jpeg,image/png".into(),
            image: ImageSettings { max_side: 1024, format: ImageFormat::Webp, quality: 0.6 },
        }
    );
}

#[test]
fn media_limit_is_read_from_the_survey() {
    let (survey, _) = ok(r#"{"mediaLimit": 2048, "elements": [{"type": "file", "name": "p"}]}"#);
    assert_eq!(survey.media_limit, 2048);
    let e = err(r#"{"mediaLimit": 10, "elements": [{"type": "file", "name": "p"}]}"#);
    assert_eq!(e, ["survey: mediaLimit must be a whole number of bytes ≥ 1024, found 10"]);
}

#[test]
fn bad_settings_name_the_question() {
    let e = err(&page(r#"{"type": "file", "name": "p", "imageFormat": "png"}"#));
    assert_eq!(e, [r#"pages[0].elements[0] "p": imageFormat must be one of jpeg, webp, found "png""#]);
    let e = err(&page(r#"{"type": "file", "name": "p", "imageQuality": 2}"#));
    assert_eq!(e, [r#"pages[0].elements[0] "p": imageQuality must be a number from 0.1 to 1, found 2"#]);
    let e = err(&page(r#"{"type": "file", "name": "p", "imageMaxSide": 10}"#));
    assert_eq!(e, [r#"pages[0].elements[0] "p": imageMaxSide must be a whole number from 64 to 8192, found 10"#]);
    let e = err(&page(r#"{"type": "file", "name": "p", "sourceType": "scanner"}"#));
    assert_eq!(e, [r#"pages[0].elements[0] "p": sourceType must be one of file, camera, file-camera, found "scanner""#]);
}

#[test]
fn a_file_question_is_not_scorable() {
    let failure = canvass_core::load(&page(r#"{"type": "file", "name": "p", "scored": true}"#)).unwrap_err();
    let e: Vec<String> = failure.errors.iter().map(ToString::to_string).collect();
    assert!(e.iter().any(|m| m.contains("\"p\"")), "{e:?}");
}
