//! Paradata capture on the fill page: focus moves (which question is
//! being worked on), answer changes, and pauses while the page is hidden
//! (`visibilitychange`), recorded by core's pure `Paradata` functions
//! with `Date.now()` and stored beside the draft, so a reload continues
//! it. On completion the fill page takes the finished paradata.

use canvass_core::paradata::Paradata;
use canvass_core::survey::{QuestionKind, Survey, Value};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::records;
use crate::context::Store;

fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// The fill page's paradata recorder.
#[derive(Clone, Copy)]
pub struct Capture {
    data: StoredValue<Paradata>,
    survey: StoredValue<String>,
    store: Store,
    /// When the paradata was last written (ms since the epoch).
    saved_at: StoredValue<i64>,
}

/// Paradata is written at most this often while answering (and always
/// when the page is hidden). Answers themselves are written at once; this
/// keeps the paradata from doubling the IndexedDB transactions per
/// answer, which made Chromium lose the whole database more often when
/// killed mid-write (tests/e2e/crash.test.mjs). At most this much paradata
/// is lost in a crash, never an answer.
const PARADATA_EVERY_MS: i64 = 5_000;

impl Capture {
    /// Starts recording for `survey`; a stored draft paradata (after a
    /// reload) takes over as soon as it is read.
    pub fn new(store: Store, survey: &str) -> Capture {
        let capture = Capture {
            data: StoredValue::new(Paradata::start(now())),
            survey: StoredValue::new(survey.to_owned()),
            store,
            saved_at: StoredValue::new(0),
        };
        let id = survey.to_owned();
        leptos::task::spawn_local(async move {
            if let Some(mut stored) = records::draft_paradata(store, &id).await {
                // Time while the app was closed is a pause, not work.
                if stored.paused_since.is_none() {
                    stored.pause(
                        stored
                            .current
                            .as_ref()
                            .map(|c| c.since_ms)
                            .unwrap_or(stored.started_ms),
                    );
                }
                stored.resume(now());
                let _ = capture.data.try_set_value(stored);
            }
        });
        capture.listen_visibility();
        capture
    }

    /// Writes the paradata unless it was written less than
    /// `PARADATA_EVERY_MS` ago.
    fn save_throttled(&self) {
        if now() - self.saved_at.get_value() >= PARADATA_EVERY_MS {
            self.save();
        }
    }

    fn save(&self) {
        self.saved_at.set_value(now());
        let survey = self.survey.get_value();
        self.data
            .with_value(|p| records::save_draft_paradata(self.store, &survey, p));
    }

    /// `name`'s answer changed from `old` to `new`.
    pub fn changed(&self, survey: &Survey, name: &str, old: Option<&Value>, new: Option<&Value>) {
        let typed = survey.question(name).is_some_and(|q| {
            matches!(
                q.kind,
                QuestionKind::Text { .. } | QuestionKind::Comment { .. }
            )
        });
        self.data
            .update_value(|p| p.change(name, old, new, typed, now()));
        self.save_throttled();
    }

    /// A focus event inside the form: the question it falls in becomes current.
    pub fn focus_event(&self, ev: &web_sys::FocusEvent) {
        let question = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-testid^='question-']").ok().flatten())
            .and_then(|el| el.get_attribute("data-testid"))
            .and_then(|t| t.strip_prefix("question-").map(str::to_owned));
        if let Some(q) = question {
            self.data.update_value(|p| p.focus(&q, now()));
        }
    }

    /// The finished paradata, completed now.
    pub fn finish(&self) -> Paradata {
        self.data.update_value(|p| p.finish(now()));
        self.data.get_value()
    }

    fn listen_visibility(&self) {
        let this = *self;
        let handle = window_event_listener_untyped("visibilitychange", move |_| {
            let hidden = document().hidden();
            let _ = this.data.try_update_value(|p| {
                if hidden {
                    p.pause(now())
                } else {
                    p.resume(now())
                }
            });
            if this.data.try_with_value(|_| ()).is_some() {
                this.save();
            }
        });
        on_cleanup(move || handle.remove());
    }
}
