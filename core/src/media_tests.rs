use super::*;
use serde_json::json;

#[test]
fn names_are_safe_paths() {
    assert_eq!(media_name("r1", "photo", 1, "jpg"), "media/r1/photo-1.jpg");
    assert_eq!(media_name("r1", "维修/照片", 2, "webp"), "media/r1/维修_照片-2.webp");
    assert_eq!(media_name("r1", "..", 3, "jpg"), "media/r1/_-3.jpg");
    assert!(is_media_name("media/r1/photo-1.jpg"));
    for bad in ["data:image/jpeg;base64,AAAA", "media/", "media/../x", "media//x", "/media/x", "media\\x"] {
        assert!(!is_media_name(bad), "{bad}");
    }
}

#[test]
fn answers_read_back_and_refuse_base64() {
    let v = json!([{"name": "IMG_1.jpg", "type": "image/jpeg", "content": "media/r/p-1.jpg", "size": 1234}]);
    let list = entries("p", Some(&v)).unwrap();
    assert_eq!(list[0].size, 1234);
    assert_eq!(serde_json::to_value(&list).unwrap(), v);
    assert_eq!(entries("p", None).unwrap(), vec![]);
    assert_eq!(entries("p", Some(&Value::Null)).unwrap(), vec![]);
    let b64 = json!([{"name": "a", "type": "image/png", "content": "data:image/png;base64,iVBOR"}]);
    let e = entries("p", Some(&b64)).unwrap_err();
    assert!(e.to_string().starts_with("question \"p\": file content must name a media file"), "{e}");
    assert!(matches!(entries("p", Some(&json!("x"))), Err(MediaError::BadAnswer { .. })));
}

#[test]
fn next_number_skips_removed_ones() {
    let e = |c: &str| FileEntry { name: "x".into(), mime: "image/jpeg".into(), content: c.into(), size: 1 };
    assert_eq!(next_number(&[]), 1);
    assert_eq!(next_number(&[e("media/r/p-1.jpg"), e("media/r/p-3.jpg")]), 4);
    assert_eq!(next_number(&[e("media/r/a-b-7.webp")]), 8);
}

#[test]
fn caps() {
    assert_eq!(check_add("p", "a.jpg", 100, 0, 0, 1000), Ok(()));
    assert_eq!(
        check_add("p", "a.jpg", 600, 500, 0, 1000),
        Err(MediaError::TooLarge { question: "p".into(), file: "a.jpg".into(), size: 600, max: 500 })
    );
    let e = check_add("p", "a.jpg", 600, 0, 500, 1000).unwrap_err();
    assert_eq!(e, MediaError::OverLimit { total: 1100, limit: 1000 });
    assert_eq!(e.to_string(), "the photos of this response would take 1100 bytes; the limit is 1000 bytes");
    assert_eq!(check_add("p", "a.jpg", 500, 0, 500, 1000), Ok(()));
}

#[test]
fn fit_keeps_the_ratio_and_never_enlarges() {
    assert_eq!(fit(4000, 3000, 1600), (1600, 1200));
    assert_eq!(fit(3000, 4000, 1600), (1200, 1600));
    assert_eq!(fit(800, 600, 1600), (800, 600));
    assert_eq!(fit(10000, 3, 1600), (1600, 1));
    assert_eq!(fit(0, 0, 1600), (0, 0));
}

#[test]
fn references_and_totals_follow_the_survey() {
    let loaded = crate::load(
        r#"{"id": "s", "elements": [
            {"type": "file", "name": "photo", "sourceType": "camera", "allowMultiple": true},
            {"type": "text", "name": "note"}]}"#,
    )
    .unwrap();
    let mut answers = Answers::new();
    answers.insert(
        "photo".into(),
        json!([{"name": "a", "type": "image/jpeg", "content": "media/r/photo-1.jpg", "size": 10},
               {"name": "b", "type": "image/jpeg", "content": "media/r/photo-2.jpg", "size": 32}]),
    );
    answers.insert("note".into(), json!("media/r/not-a-file.jpg"));
    let refs = references(&loaded.survey, &answers);
    assert_eq!(refs.len(), 2);
    assert_eq!(total_bytes(&loaded.survey, &answers), 42);
}
