//! The in-memory side of every write: from the moment a write is issued
//! until its transaction completes, and for ever after if it failed, the
//! value lives here and reads see it first. So the app keeps working from
//! memory when storage refuses a write, and a backup holds what storage
//! does not.

use std::collections::BTreeMap;

use super::kind::Kind;
use super::record::Envelope;

/// What the save indicator shows: writes issued and settled (completed or
/// failed) this session, and why a value is still unsaved, if one is.
/// "Saved" is `issued == settled && failed.is_none()`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveState {
    pub issued: u64,
    pub settled: u64,
    pub failed: Option<String>,
}

impl SaveState {
    /// Every issued write completed and none is left unsaved.
    pub fn is_saved(&self) -> bool {
        self.issued == self.settled && self.failed.is_none()
    }
}

#[derive(Debug, Clone)]
struct Entry {
    /// The latest write of this record.
    seq: u64,
    /// The value written, or `None` for a deletion.
    value: Option<Envelope>,
    /// Why the latest write failed; `None` while it is in flight.
    failed: Option<String>,
}

/// Writes in flight and writes that failed, by (kind, id).
#[derive(Debug, Default)]
pub struct Pending {
    entries: BTreeMap<(&'static str, String), Entry>,
    issued: u64,
    settled: u64,
}

impl Pending {
    /// Records a write (`None`: a deletion) about to be issued; returns its
    /// sequence number for `finish`.
    pub fn begin(&mut self, kind: Kind, id: &str, value: Option<Envelope>) -> u64 {
        self.issued += 1;
        let seq = self.issued;
        self.entries.insert(
            (kind.name, id.to_owned()),
            Entry {
                seq,
                value,
                failed: None,
            },
        );
        seq
    }

    /// Settles write `seq`: a success forgets the value (storage has it)
    /// unless a later write of the same record is in flight; a failure
    /// keeps it, marked unsaved.
    pub fn finish(&mut self, kind: Kind, id: &str, seq: u64, result: Result<(), String>) {
        self.settled += 1;
        let key = (kind.name, id.to_owned());
        let Some(entry) = self.entries.get_mut(&key) else {
            return;
        };
        if entry.seq != seq {
            return;
        }
        match result {
            Ok(()) => {
                self.entries.remove(&key);
            }
            Err(reason) => entry.failed = Some(reason),
        }
    }

    /// The value memory holds for a record: `Some(None)` when a deletion is
    /// pending, `None` when storage is the truth.
    pub fn get(&self, kind: Kind, id: &str) -> Option<Option<&Envelope>> {
        self.entries
            .get(&(kind.name, id.to_owned()))
            .map(|e| e.value.as_ref())
    }

    /// Every record of `kind` memory holds, as for `get`.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = (&str, Option<&Envelope>)> {
        self.entries
            .iter()
            .filter(move |((k, _), _)| *k == kind.name)
            .map(|((_, id), e)| (id.as_str(), e.value.as_ref()))
    }

    /// Records whose latest write failed: (kind name, id, reason).
    pub fn unsaved(&self) -> Vec<(&'static str, String, String)> {
        self.entries
            .iter()
            .filter_map(|((k, id), e)| Some((*k, id.clone(), e.failed.clone()?)))
            .collect()
    }

    /// Every record memory holds whose write failed, values only (for backups).
    pub fn unsaved_values(&self) -> Vec<(&'static str, &Envelope)> {
        self.entries
            .iter()
            .filter(|(_, e)| e.failed.is_some())
            .filter_map(|((k, _), e)| Some((*k, e.value.as_ref()?)))
            .collect()
    }

    pub fn state(&self) -> SaveState {
        SaveState {
            issued: self.issued,
            settled: self.settled,
            failed: self
                .entries
                .values()
                .filter(|e| e.failed.is_some())
                .max_by_key(|e| e.seq)
                .and_then(|e| e.failed.clone()),
        }
    }
}

#[cfg(test)]
#[path = "pending_tests.rs"]
mod tests;
