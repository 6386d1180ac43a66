//! The kinds of record Canvass stores, one IndexedDB object store each.
//!
//! Adding a kind is one line in `KINDS` (plus a `pub const` for callers):
//! `Idb::open` creates every store of this list that the database lacks,
//! bumping the database version itself, so no hand-kept version number can
//! go stale when two branches each add a kind.

/// One kind of record: the object store name and the schema version new
/// records are written with. Every store has the same two sparse indexes
/// (`survey`, `unexported`), so a kind needs no index declarations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Kind {
    /// The object store (and backup group) name.
    pub name: &'static str,
    /// Schema version of the records written now (`Envelope::v`). Raise it
    /// together with a `Step` in `record::MIGRATIONS`.
    pub version: u32,
}

impl Kind {
    pub const fn new(name: &'static str, version: u32) -> Kind {
        Kind { name, version }
    }
}

/// Drafts being filled, keyed by survey id (`Draft`).
pub const DRAFTS: Kind = Kind::new("drafts", 1);
/// Completed responses, keyed by response id; indexed by survey and by
/// "not yet exported".
pub const RESPONSES: Kind = Kind::new("responses", 1);
/// Household / call visits (the field feature).
pub const VISITS: Kind = Kind::new("visits", 1);
/// Follow-up queue entries (the field feature).
pub const FOLLOWUPS: Kind = Kind::new("followups", 1);
/// Survey definitions loaded from files, keyed by survey id (the file text).
pub const SURVEYS: Kind = Kind::new("surveys", 1);
/// Settings too important for localStorage (profiles, PIN hashes, …).
pub const SETTINGS: Kind = Kind::new("settings", 1);
/// Records that could not be read, kept verbatim with the reason.
pub const QUARANTINE: Kind = Kind::new("quarantine", 1);
/// Free-form rows and media metadata (room for later features).
/// The response list's rows in chunks (`listing::RowChunks`). Version 2
/// stores a chunk as its JSON array; version 1 held the array's JSON text
/// as a string (decoded twice on every open).
pub const ROWS: Kind = Kind::new("rows", 2);
pub const MEDIA: Kind = Kind::new("media", 1);
/// Paradata of responses and drafts (the field feature), by response id or `draft:<survey>`.
pub const PARADATA: Kind = Kind::new("paradata", 1);

/// Every kind; the database has one object store for each.
pub const KINDS: &[Kind] = &[
    DRAFTS, RESPONSES, VISITS, FOLLOWUPS, SURVEYS, SETTINGS, QUARANTINE, ROWS, MEDIA,
    PARADATA,
];

/// The index over records not yet exported: only unexported responses
/// carry the field, so the index holds exactly them and counts cheaply.
pub const UNEXPORTED_INDEX: &str = "unexported";
/// The index over completed responses, keyed by their survey: a record
/// carries `done: <survey id>` only when it is a completed response.
pub const DONE_INDEX: &str = "done";
/// The index over the survey a record belongs to (set when the value names
/// one: `survey.id`, `surveyId` or `response.survey.id`).
pub const SURVEY_INDEX: &str = "survey";

/// The kind named `name`, if it is one of `KINDS`.
pub fn kind_named(name: &str) -> Option<Kind> {
    KINDS.iter().copied().find(|k| k.name == name)
}
