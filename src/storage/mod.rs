//! Where answers live between visits: every draft answer is written the
//! moment it is given, completed responses are appended, and nothing that
//! cannot be read is thrown away. `ResponseStore` holds that policy over a
//! `StorageBackend`: localStorage in the browser, a map in tests.

mod backend;
mod store;

pub use backend::{BackendError, LocalBackend, MemoryBackend, StorageBackend};
pub use store::ResponseStore;

use canvass_core::response::Response;
use serde::{Deserialize, Serialize};

/// Every key Canvass writes starts with this, so a backup can find them.
pub const PREFIX: &str = "canvass.";

/// The key of the draft of `survey_id`.
pub fn draft_key(survey_id: &str) -> String {
    format!("canvass.draft.{survey_id}")
}

/// The key of the completed responses of `survey_id` (a JSON array).
pub fn responses_key(survey_id: &str) -> String {
    format!("canvass.responses.{survey_id}")
}

/// The key of a survey definition loaded from a local file (its JSON text).
pub fn survey_key(survey_id: &str) -> String {
    format!("canvass.survey.{survey_id}")
}

/// The key of the interface language (`zh-cn` / `en`).
pub const LOCALE_KEY: &str = "canvass.locale";

/// Where an unreadable value of `key` is moved: the `n`-th quarantine slot.
pub fn quarantine_key(key: &str, n: usize) -> String {
    format!("canvass.quarantine.{key}.{n}")
}

/// A response being filled in, and the page the respondent is on, so a
/// reload resumes exactly where they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The response so far (`completed_at` unset, no score).
    pub response: Response,
    /// Zero-based page index.
    pub page: usize,
}

/// Why a write did not reach storage. The value is still held in memory
/// (and in any backup) until a later write succeeds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("not saved: {key}: {reason}")]
    WriteFailed { key: String, reason: String },
}

/// Something the store did that the user must hear about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreNotice {
    /// An unreadable value was moved aside, not deleted.
    #[error("{key}: unreadable ({reason}); moved to {moved_to}")]
    Quarantined {
        key: String,
        moved_to: String,
        reason: String,
    },
    /// An unreadable value could not even be moved aside; it stays in place.
    #[error("{key}: unreadable ({reason}); left in place because it could not be moved: {error}")]
    QuarantineFailed {
        key: String,
        reason: String,
        error: String,
    },
}
