//! Where answers live between visits: IndexedDB, one object store per
//! record kind, every value a JSON text with a schema version, keyed by id
//! (docs/STORAGE.md). `Records` holds the policy — a write is "saved" only
//! once its transaction completed, a refused write stays in memory and in
//! backups, an unreadable record is moved aside and reported — over a
//! `Backend`: IndexedDB in the browser (`Idb`), a map in native tests
//! (`MemoryBackend`). The pure parts (envelopes, migrations, the legacy
//! localStorage plan, the in-memory overlay, the backup document) are
//! tested natively.

pub mod at_rest;
mod backup;
mod idb;
mod kind;
mod legacy;
pub mod local;
pub mod media;
mod memory;
pub mod mirror;
mod open;
mod pending;
pub mod persist;
mod record;
mod records;
pub mod seal;

pub use backup::backup_document;
pub use idb::{Idb, DB_NAME};
pub(crate) use idb::js_reason;
pub use kind::*;
pub use legacy::{legacy_plan, LegacyPlan};
pub use memory::MemoryBackend;
pub use open::open_browser_store;
pub use pending::{Pending, SaveState};
pub use record::{decode, encode, migrate_with, Decoded, Envelope, Raw, Step, MIGRATIONS};
pub use records::{Backend, Opener, Records};

use canvass_core::response::Response;
use serde::{Deserialize, Serialize};

/// The key of the interface language (`zh-cn` / `en`) in localStorage:
/// a small setting whose loss is harmless, so it stays synchronous.
pub const LOCALE_KEY: &str = "canvass.locale";

/// A response being filled in, and the page the respondent is on, so a
/// reload resumes exactly where they were. Stored in `DRAFTS` under the
/// survey id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The response so far (`completed_at` unset, no score).
    pub response: Response,
    /// Zero-based page index.
    pub page: usize,
}

/// Why the store could not do what it was asked. A value whose write
/// failed is still held in memory (and in any backup) until a later write
/// of the same record succeeds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("not saved: {kind}/{id}: {reason}")]
    WriteFailed {
        kind: &'static str,
        id: String,
        reason: String,
    },
    #[error("could not read {kind}: {reason}")]
    ReadFailed { kind: &'static str, reason: String },
    #[error("storage could not be opened: {reason}")]
    OpenFailed { reason: String },
    /// Records of `kind` are sealed (at-rest encryption) and the PIN has
    /// not been given in this page: nothing is damaged, nothing is moved.
    #[error("{kind}: encrypted; enter the PIN to open")]
    Locked { kind: &'static str },
}

/// Something the store did that the user must hear about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreNotice {
    /// An unreadable record was moved to the quarantine store, not deleted.
    #[error("{key}: unreadable ({reason}); moved to {moved_to}")]
    Quarantined {
        key: String,
        moved_to: String,
        reason: String,
    },
    /// An unreadable record could not even be moved aside; it stays in place.
    #[error("{key}: unreadable ({reason}); left in place because it could not be moved: {error}")]
    QuarantineFailed {
        key: String,
        reason: String,
        error: String,
    },
    /// A record written by a newer Canvass: left untouched, skipped.
    #[error("{key}: written by a newer version (record version {version}); left untouched")]
    TooNew { key: String, version: u32 },
    /// IndexedDB opened empty (the browser found it corrupt and reset it,
    /// or it was deleted under the app); `restored` records came back from
    /// the mirror (src/storage/mirror.rs).
    #[error("the database opened empty ({}); {restored} records restored from the second copy", message.as_deref().unwrap_or("deleted"))]
    Reset {
        /// The browser's reason when it reset a corrupt database.
        message: Option<String>,
        restored: usize,
    },
    /// IndexedDB is unavailable: everything lives in memory only.
    #[error("{0}")]
    Unavailable(String),
}
