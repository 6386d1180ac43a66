//! What pages and components share, as newtypes over copyable handles:
//! the interface language, the record store (with its health as signals) and the
//! catalogue of surveys. Provided once by `App`, read with `use_*`.

use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;

use canvass_core::LoadedSurvey;
use leptos::prelude::*;
use serde::Serialize;

use crate::i18n::{Key, Locale};
use crate::storage::{Idb, Kind, Records, SaveState, StoreError, StoreNotice};

/// The interface language.
#[derive(Clone, Copy)]
pub struct UiLocale(pub RwSignal<Locale>);

/// The current interface language (reactive).
pub fn use_locale() -> RwSignal<Locale> {
    expect_context::<UiLocale>().0
}

/// The store as the app uses it: IndexedDB records.
pub type Db = Records<Idb>;

/// The record store plus what the save indicator, the storage banner and
/// the storage status show. Writes go through `put` / `delete`, which move
/// the save state to "saving" at once and refresh every signal when the
/// transaction settled, so nothing says "saved" before storage has it.
#[derive(Clone, Copy)]
pub struct Store {
    inner: StoredValue<Rc<Db>, LocalStorage>,
    /// Writes issued / settled and why something is unsaved.
    pub save: RwSignal<SaveState>,
    /// True while some value exists only in memory (a write failed).
    pub unsaved: RwSignal<bool>,
    /// Problems with stored or bundled data to show in the banner.
    pub notices: RwSignal<Vec<Notice>>,
    /// Responses not yet exported (`None` until counted).
    pub unexported: RwSignal<Option<u32>>,
    /// A read met sealed records and the PIN has not been given in this
    /// page (at-rest encryption): the PIN prompt shows.
    pub locked: RwSignal<bool>,
    /// Counts the times the PIN opened sealed records: pages that read
    /// them track it and read again.
    pub opened: RwSignal<u32>,
}

impl Store {
    pub fn new(records: Rc<Db>) -> Store {
        let this = Store {
            inner: StoredValue::new_local(records),
            save: RwSignal::new(SaveState::default()),
            unsaved: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            unexported: RwSignal::new(None),
            locked: RwSignal::new(false),
            opened: RwSignal::new(0),
        };
        this.refresh();
        this.count_unexported();
        this
    }

    /// The records, for reads and for writes that need no indicator.
    /// Call `refresh` after writing through them.
    pub fn records(&self) -> Rc<Db> {
        self.inner.get_value()
    }

    /// Stores `value` as `kind`/`id` now; the future resolves when the
    /// transaction settled (the signals are refreshed by then).
    pub fn put<T: Serialize>(
        &self,
        kind: Kind,
        id: &str,
        value: &T,
    ) -> impl Future<Output = Result<(), StoreError>> + 'static {
        self.track(self.records().put(kind, id, value))
    }

    /// Deletes `kind`/`id` now, like `put`.
    pub fn delete(
        &self,
        kind: Kind,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + 'static {
        self.track(self.records().delete(kind, id))
    }

    /// `put` without waiting: the indicator and banner report the outcome.
    pub fn put_soon<T: Serialize>(&self, kind: Kind, id: &str, value: &T) {
        let write = self.put(kind, id, value);
        leptos::task::spawn_local(async move {
            let _ = write.await;
        });
    }

    /// Refreshes the signals now and once `write` (a write through
    /// `records()`) settled.
    pub fn track(
        &self,
        write: impl Future<Output = Result<(), StoreError>> + 'static,
    ) -> impl Future<Output = Result<(), StoreError>> + 'static {
        let this = *self;
        this.refresh();
        async move {
            let out = write.await;
            this.refresh();
            out
        }
    }

    /// Recounts the responses not yet exported (after storing or exporting).
    pub fn count_unexported(&self) {
        let (records, signal) = (self.records(), self.unexported);
        leptos::task::spawn_local(async move {
            if let Ok(n) = records.unexported_count().await {
                signal.set(Some(n));
            }
        });
    }

    /// Brings the save state, the unsaved flag and the notices up to date.
    pub fn refresh(&self) {
        let records = self.records();
        let state = records.save_state();
        let unsaved = state.failed.is_some();
        if self.save.get_untracked() != state {
            self.save.set(state);
        }
        if self.unsaved.get_untracked() != unsaved {
            self.unsaved.set(unsaved);
        }
        let locked = records.met_locked();
        if self.locked.get_untracked() != locked {
            self.locked.set(locked);
        }
        let notices = records.take_notices();
        if !notices.is_empty() {
            self.notices
                .update(|n| n.extend(notices.into_iter().map(Notice::Storage)));
        }
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// Something the banner reports, rendered in the interface language.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Storage(StoreNotice),
    /// A bundled sample that does not load (a build defect, but shown, not hidden).
    SampleFailed(String),
}

impl Notice {
    /// The notice as one line in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Notice::Storage(StoreNotice::Quarantined {
                key,
                moved_to,
                reason,
            }) => {
                format!("{key} {} {moved_to} ({reason})", locale.t(Key::MovedAside))
            }
            Notice::Storage(StoreNotice::QuarantineFailed { key, reason, error }) => {
                format!("{key} {} {reason} ({error})", locale.t(Key::CouldNotMove))
            }
            Notice::Storage(StoreNotice::Reset { message, restored }) => match message {
                Some(m) => format!("{} {restored} ({m})", locale.t(Key::DatabaseReset)),
                None => format!("{} {restored}", locale.t(Key::DatabaseReset)),
            },
            Notice::Storage(other) => other.to_string(),
            Notice::SampleFailed(why) => format!("{} {why}", locale.t(Key::SampleFailed)),
        }
    }
}

/// One survey the device can fill.
#[derive(Clone)]
pub struct CatalogEntry {
    pub loaded: Arc<LoadedSurvey>,
    /// Shipped with the app (as opposed to loaded from a file).
    pub bundled: bool,
}

/// Every survey the device can fill, bundled first.
#[derive(Clone, Copy)]
pub struct Catalog(pub RwSignal<Vec<CatalogEntry>>);

impl Catalog {
    /// The survey with `id`, read without tracking: a page keeps the
    /// definition it opened with.
    pub fn find(&self, id: &str) -> Option<Arc<LoadedSurvey>> {
        self.0.with_untracked(|list| {
            list.iter()
                .find(|e| e.loaded.survey.id == id)
                .map(|e| e.loaded.clone())
        })
    }

    /// Adds a survey, replacing any with the same id.
    pub fn insert(&self, entry: CatalogEntry) {
        self.0.update(|list| {
            match list
                .iter_mut()
                .find(|e| e.loaded.survey.id == entry.loaded.survey.id)
            {
                Some(slot) => *slot = entry,
                None => list.push(entry),
            }
        });
    }
}

pub fn use_catalog() -> Catalog {
    expect_context::<Catalog>()
}

/// The interface language while rendering. Pages are not reactive to the
/// language: `App` re-renders the current page when it changes (every
/// answer is already stored, so nothing is lost). That keeps one static
/// text node per string instead of one reactive effect each, a large
/// saving in the wasm bundle.
pub fn ui_locale() -> Locale {
    use_locale().get_untracked()
}

/// The interface string for `key` in the rendering language.
pub fn tr(key: crate::i18n::Key) -> &'static str {
    ui_locale().t(key)
}

/// A survey text in the interface language. Always rendered as a text
/// node: survey text is never HTML.
pub fn localized(text: &canvass_core::survey::LocalizedText) -> String {
    text.get(ui_locale().code()).to_owned()
}
