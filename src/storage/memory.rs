//! An in-memory `Backend` for native tests: the same contract as
//! IndexedDB (one map per kind, all-or-nothing batches, sparse indexes)
//! with switches to refuse writes like a full disk and to plant records of
//! the wrong shape.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::future::{ready, Future};
use std::rc::Rc;

use super::kind::{Kind, QUARANTINE};
use super::record::{Envelope, Raw};
use super::records::Backend;

type Maps = BTreeMap<&'static str, BTreeMap<String, Raw>>;

/// A shared map of maps; clones see the same data (a "reload" is a new
/// `Records` over a clone).
#[derive(Clone, Default)]
pub struct MemoryBackend {
    maps: Rc<RefCell<Maps>>,
    fail: Rc<Cell<bool>>,
}

impl MemoryBackend {
    /// Makes every later write fail with a quota error (or succeed again).
    pub fn set_fail_writes(&self, fail: bool) {
        self.fail.set(fail);
    }

    /// Stores `raw` as is, bypassing the store (what a corrupt disk does).
    pub fn plant(&self, kind: Kind, raw: Raw) {
        let id = raw.id().to_owned();
        self.maps
            .borrow_mut()
            .entry(kind.name)
            .or_default()
            .insert(id, raw);
    }

    /// The record stored at `kind`/`id`, as is.
    pub fn raw(&self, kind: Kind, id: &str) -> Option<Raw> {
        self.maps.borrow().get(kind.name)?.get(id).cloned()
    }

    /// Ids stored in `kind`.
    pub fn ids(&self, kind: Kind) -> Vec<String> {
        self.maps
            .borrow()
            .get(kind.name)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn refuse(&self) -> Result<(), String> {
        if self.fail.get() {
            Err("QuotaExceededError: the quota has been exceeded.".into())
        } else {
            Ok(())
        }
    }
}

impl MemoryBackend {
    /// How many readable records of `kind` `keep` accepts.
    fn count_where(&self, kind: Kind, keep: impl Fn(&Envelope) -> bool) -> u32 {
        self.maps.borrow().get(kind.name).map_or(0, |m| {
            m.values()
                .filter(|r| matches!(r, Raw::Good(e) if keep(e)))
                .count() as u32
        })
    }
}

impl Backend for MemoryBackend {
    fn put(
        &self,
        kind: Kind,
        records: &[Envelope],
    ) -> impl Future<Output = Result<(), String>> + 'static + use<> {
        ready(self.refuse().map(|()| {
            let mut maps = self.maps.borrow_mut();
            let map = maps.entry(kind.name).or_default();
            for r in records {
                map.insert(r.id.clone(), Raw::Good(r.clone()));
            }
        }))
    }

    fn delete(
        &self,
        kind: Kind,
        id: &str,
    ) -> impl Future<Output = Result<(), String>> + 'static + use<> {
        if let Some(m) = self.maps.borrow_mut().get_mut(kind.name) {
            m.remove(id);
        }
        ready(Ok(()))
    }

    fn get(
        &self,
        kind: Kind,
        id: &str,
    ) -> impl Future<Output = Result<Option<Raw>, String>> + 'static + use<> {
        ready(Ok(self.raw(kind, id)))
    }

    fn all(
        &self,
        kind: Kind,
        survey: Option<&str>,
    ) -> impl Future<Output = Result<Vec<Raw>, String>> + 'static + use<> {
        let maps = self.maps.borrow();
        let list = maps
            .get(kind.name)
            .map(|m| {
                m.values()
                    .filter(|r| match (survey, r) {
                        (None, _) => true,
                        (Some(s), Raw::Good(e)) => e.survey.as_deref() == Some(s),
                        (Some(_), Raw::Bad { .. }) => false,
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        ready(Ok(list))
    }

    fn count_done(
        &self,
        kind: Kind,
        survey: &str,
    ) -> impl Future<Output = Result<u32, String>> + 'static + use<> {
        ready(Ok(self.count_where(kind, |e| {
            e.done && e.survey.as_deref() == Some(survey)
        })))
    }

    fn count_unexported(
        &self,
        kind: Kind,
    ) -> impl Future<Output = Result<u32, String>> + 'static + use<> {
        ready(Ok(self.count_where(kind, |e| e.unexported)))
    }

    fn quarantine(
        &self,
        kind: Kind,
        id: &str,
        entry: &Envelope,
    ) -> impl Future<Output = Result<(), String>> + 'static + use<> {
        ready(self.refuse().map(|()| {
            let mut maps = self.maps.borrow_mut();
            maps.entry(QUARANTINE.name)
                .or_default()
                .insert(entry.id.clone(), Raw::Good(entry.clone()));
            if let Some(m) = maps.get_mut(kind.name) {
                m.remove(id);
            }
        }))
    }

    fn add_absent(
        &self,
        records: &[(Kind, Envelope)],
    ) -> impl Future<Output = Result<(), String>> + 'static + use<> {
        ready(self.refuse().map(|()| {
            let mut maps = self.maps.borrow_mut();
            for (kind, r) in records {
                maps.entry(kind.name)
                    .or_default()
                    .entry(r.id.clone())
                    .or_insert_with(|| Raw::Good(r.clone()));
            }
        }))
    }
}
