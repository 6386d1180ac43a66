use super::*;
use crate::storage::kind::{DRAFTS, SURVEYS};

const KEY: Key = [7; 32];
const EPK: &str = "c2Vzc2lvbi1vbmU=";

fn writer() -> Writer {
    Writer::new(EPK.to_owned(), &KEY)
}

fn ring() -> Ring {
    let mut ring = Ring::default();
    ring.insert(EPK.to_owned(), KEY);
    ring
}

#[test]
fn a_sealed_text_opens_with_its_session_key_and_hides_the_plain_text() {
    let plain = r#"{"answers":{"name":"王小明","phone":"13800000000"}}"#;
    let sealed = writer().seal(RESPONSES, "r1", plain);
    assert!(is_sealed_text(&sealed));
    assert!(!sealed.contains("13800000000"));
    assert_eq!(session_of(&sealed), Some(EPK));
    assert_eq!(ring().open(RESPONSES, "r1", &sealed).unwrap(), plain);
}

#[test]
fn every_seal_uses_a_new_nonce() {
    let mut w = writer();
    let a = w.seal(RESPONSES, "r1", "{}");
    let b = w.seal(RESPONSES, "r1", "{}");
    assert_ne!(a, b);
    let nonce = |s: &str| s.split('.').nth(2).unwrap().to_owned();
    assert_ne!(nonce(&a), nonce(&b));
    assert_eq!(ring().open(RESPONSES, "r1", &b).unwrap(), "{}");
}

#[test]
fn without_the_sessions_key_a_record_is_locked_not_damaged() {
    let sealed = writer().seal(ROWS, "chunk:00000", "[]");
    let err = Ring::default().open(ROWS, "chunk:00000", &sealed).unwrap_err();
    assert_eq!(
        err,
        SealError::Locked {
            at: "rows/chunk:00000".into()
        }
    );
    assert!(err.to_string().contains("PIN"));
}

#[test]
fn a_sealed_value_moved_to_another_record_or_altered_does_not_open() {
    let sealed = writer().seal(RESPONSES, "r1", "{\"a\":1}");
    assert!(matches!(
        ring().open(RESPONSES, "r2", &sealed),
        Err(SealError::Damaged { .. })
    ));
    assert!(matches!(
        ring().open(FOLLOWUPS, "r1", &sealed),
        Err(SealError::Damaged { .. })
    ));
    let (head, ct) = sealed.rsplit_once('.').unwrap();
    let mut bytes = base64::decode(ct).unwrap();
    bytes[0] ^= 1;
    let altered = format!("{head}.{}", base64::encode(&bytes));
    assert_eq!(
        ring().open(RESPONSES, "r1", &altered),
        Err(SealError::Damaged {
            at: "responses/r1".into()
        })
    );
}

#[test]
fn a_malformed_sealed_text_names_the_record_and_the_fault() {
    for (text, why) in [
        ("~1.abc", "not three dot-separated parts"),
        ("~1.c2Vzc2lvbi1vbmU=.AAAA.AAAA", "the nonce is not 12 bytes of base64"),
        ("~1..AAAAAAAAAAAAAAAA.AAAA", "the session key is not base64"),
        ("~1.c2Vzc2lvbi1vbmU=.AAAAAAAAAAAAAAAA.@@", "the ciphertext is not base64"),
    ] {
        let err = ring().open(VISITS, "v1", text).unwrap_err();
        assert_eq!(
            err,
            SealError::Malformed {
                at: "visits/v1".into(),
                why
            },
            "{text}"
        );
        assert!(err.to_string().starts_with("visits/v1: "));
    }
}

#[test]
fn only_personal_records_are_sealed_and_the_open_draft_is_not() {
    assert!(is_sealed_kind(RESPONSES, "0b6e…"));
    assert!(is_sealed_kind(PARADATA, "0b6e…"));
    assert!(is_sealed_kind(ROWS, "chunk:00001"));
    assert!(!is_sealed_kind(PARADATA, "draft:nps"));
    assert!(!is_sealed_kind(DRAFTS, "nps"));
    assert!(!is_sealed_kind(SURVEYS, "nps"));
    let mut off = Sealing::default();
    assert_eq!(off.seal(RESPONSES, "r1", "{}"), Ok(None));
    let mut on = Sealing {
        writer: Some(writer()),
        ..Sealing::default()
    };
    assert!(on.seal(RESPONSES, "r1", "{}").unwrap().is_some());
    assert_eq!(on.seal(DRAFTS, "nps", "{}"), Ok(None));
    let mut keyless = Sealing {
        refuse: Some("no session key".into()),
        ..Sealing::default()
    };
    assert_eq!(keyless.seal(RESPONSES, "r1", "{}"), Err("no session key".into()));
    assert_eq!(keyless.seal(DRAFTS, "nps", "{}"), Ok(None));
}
