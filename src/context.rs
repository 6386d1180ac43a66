//! What pages and components share, as newtypes over copyable handles:
//! the interface language, the store (with its health as signals) and the
//! catalogue of surveys. Provided once by `App`, read with `use_*`.

use std::sync::Arc;

use canvass_core::LoadedSurvey;
use leptos::prelude::*;

use crate::i18n::{Key, Locale};
use crate::storage::{ResponseStore, StoreNotice};

/// The interface language.
#[derive(Clone, Copy)]
pub struct UiLocale(pub RwSignal<Locale>);

/// The current interface language (reactive).
pub fn use_locale() -> RwSignal<Locale> {
    expect_context::<UiLocale>().0
}

/// The response store plus what the storage banner shows. Every access
/// goes through `with`, which refreshes the banner signals afterwards, so
/// no caller can forget to report a failed write.
#[derive(Clone, Copy)]
pub struct Store {
    inner: StoredValue<ResponseStore, LocalStorage>,
    /// True while some value exists only in memory.
    pub unsaved: RwSignal<bool>,
    /// Problems with stored or bundled data to show in the banner.
    pub notices: RwSignal<Vec<Notice>>,
}

impl Store {
    pub fn new(store: ResponseStore) -> Store {
        let this = Store {
            inner: StoredValue::new_local(store),
            unsaved: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
        };
        this.refresh();
        this
    }

    /// Runs `f` on the store, then updates the banner signals.
    pub fn with<R>(&self, f: impl FnOnce(&ResponseStore) -> R) -> R {
        let out = self.inner.with_value(f);
        self.refresh();
        out
    }

    fn refresh(&self) {
        let (unsaved, notices) = self
            .inner
            .with_value(|s| (!s.unsaved_keys().is_empty(), s.take_notices()));
        if self.unsaved.get_untracked() != unsaved {
            self.unsaved.set(unsaved);
        }
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
