use super::*;
use crate::storage::kind::{DRAFTS, RESPONSES};

fn env(id: &str, data: &str) -> Envelope {
    Envelope {
        id: id.into(),
        v: 1,
        data: data.into(),
        survey: None,
        unexported: false,
        done: false,
    }
}

#[test]
fn saved_only_once_every_issued_write_completed() {
    let mut p = Pending::default();
    assert!(p.state().is_saved());
    let a = p.begin(DRAFTS, "s", Some(env("s", "1")));
    let b = p.begin(DRAFTS, "s", Some(env("s", "2")));
    assert!(!p.state().is_saved());
    assert_eq!(
        p.get(DRAFTS, "s").flatten().map(|e| e.data.as_str()),
        Some("2")
    );
    p.finish(DRAFTS, "s", a, Ok(()));
    // The older write's completion does not forget the newer value.
    assert_eq!(
        p.get(DRAFTS, "s").flatten().map(|e| e.data.as_str()),
        Some("2")
    );
    assert!(!p.state().is_saved());
    p.finish(DRAFTS, "s", b, Ok(()));
    assert_eq!(p.get(DRAFTS, "s"), None);
    assert_eq!(
        p.state(),
        SaveState {
            issued: 2,
            settled: 2,
            failed: None
        }
    );
}

#[test]
fn a_failed_write_stays_in_memory_until_a_later_write_succeeds() {
    let mut p = Pending::default();
    let a = p.begin(DRAFTS, "s", Some(env("s", "1")));
    p.finish(DRAFTS, "s", a, Err("QuotaExceededError".into()));
    assert_eq!(p.state().failed.as_deref(), Some("QuotaExceededError"));
    assert_eq!(
        p.unsaved(),
        vec![("drafts", "s".to_owned(), "QuotaExceededError".to_owned())]
    );
    assert_eq!(p.unsaved_values().len(), 1);
    let b = p.begin(DRAFTS, "s", Some(env("s", "2")));
    assert_eq!(p.state().failed, None, "retrying: in flight, not failed");
    p.finish(DRAFTS, "s", b, Ok(()));
    assert!(p.state().is_saved());
    assert!(p.unsaved().is_empty());
}

#[test]
fn a_pending_deletion_hides_the_stored_value() {
    let mut p = Pending::default();
    p.begin(RESPONSES, "r", None);
    assert_eq!(p.get(RESPONSES, "r"), Some(None));
    assert_eq!(p.of_kind(RESPONSES).count(), 1);
    assert_eq!(p.of_kind(DRAFTS).count(), 0);
}
