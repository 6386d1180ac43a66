//! The office's state: the raw files imported, the survey definitions it
//! knows (bundled samples and loaded files), the merge outcome, the
//! grouping chosen and the report computed from them. Every number comes
//! from `canvass_core`; this file only wires it to signals.

use std::sync::Arc;

use canvass_core::aggregate::{AggregateOptions, AggregateReport};
use canvass_core::logic::{Env, ResponseLogic};
use canvass_core::merge::{merge_files, same_scoring, MergeOutcome};
use canvass_core::response::SurveyRef;
use canvass_core::LoadedSurvey;
use leptos::prelude::*;

/// The sample surveys shipped with Canvass, so that exports of them need no
/// definition file.
const SAMPLES: [&str; 4] = [
    include_str!("../../samples/property-repair-callback.json"),
    include_str!("../../samples/power-utility-annual.json"),
    include_str!("../../samples/real-estate-owner.json"),
    include_str!("../../samples/repair-photo-check.json"),
];

/// A survey definition the office can score with.
#[derive(Clone)]
pub struct Definition {
    pub loaded: Arc<LoadedSurvey>,
    /// Shipped with Canvass (else loaded from a file by the user).
    pub bundled: bool,
}

/// The definitions known, looked up by the identity exports carry.
#[derive(Clone, Default)]
pub struct Catalog(pub Vec<Definition>);

impl Catalog {
    /// The bundled samples.
    pub fn bundled() -> Catalog {
        Catalog(
            SAMPLES
                .iter()
                .filter_map(|json| canvass_core::load(json).ok())
                .map(|l| Definition { loaded: Arc::new(l), bundled: true })
                .collect(),
        )
    }

    /// The definition with the same hash; else one with the same id and
    /// version (`exact` false: scored with a definition that differs).
    pub fn find(&self, s: &SurveyRef) -> Option<(Definition, bool)> {
        let by_hash = self.0.iter().rev().find(|d| d.loaded.survey.hash == s.hash);
        by_hash.map(|d| (d.clone(), true)).or_else(|| {
            self.0
                .iter()
                .rev()
                .find(|d| d.loaded.survey.id == s.id && d.loaded.survey.version == s.version)
                .map(|d| (d.clone(), false))
        })
    }

    /// Whether records of `other` may be combined with `target`: both
    /// definitions known by hash and scoring the same.
    pub fn compatible(&self, other: &SurveyRef, target: &SurveyRef) -> bool {
        let by_hash = |s: &SurveyRef| self.0.iter().find(|d| d.loaded.survey.hash == s.hash);
        match (by_hash(other), by_hash(target)) {
            (Some(a), Some(b)) => same_scoring(&a.loaded, &b.loaded),
            _ => false,
        }
    }
}

/// What the dashboard renders.
#[derive(Clone)]
pub struct Results {
    pub definition: Definition,
    /// The definition's hash equals the exports'.
    pub exact: bool,
    pub report: Arc<AggregateReport>,
    pub date_range: Option<(String, String)>,
    pub meta_keys: Vec<String>,
}

/// All office state, as copyable signal handles (provided as context).
#[derive(Clone, Copy)]
pub struct Session {
    pub files: StoredValue<Vec<(String, Vec<u8>)>, LocalStorage>,
    pub catalog: RwSignal<Catalog, LocalStorage>,
    pub target: RwSignal<Option<SurveyRef>, LocalStorage>,
    pub outcome: RwSignal<Option<MergeOutcome>, LocalStorage>,
    pub options: RwSignal<AggregateOptions, LocalStorage>,
    pub results: RwSignal<Option<Result<Results, String>>, LocalStorage>,
    /// Milliseconds the last import took, reading to report.
    pub millis: RwSignal<Option<f64>>,
    pub busy: RwSignal<bool>,
    /// Milliseconds per phase of the last import: read, merge (parse and
    /// de-duplicate), report (score and aggregate).
    pub phases: RwSignal<(f64, f64, f64)>,
}

impl Session {
    pub fn new() -> Session {
        Session {
            files: StoredValue::new_local(Vec::new()),
            catalog: RwSignal::new_local(Catalog::bundled()),
            target: RwSignal::new_local(None),
            outcome: RwSignal::new_local(None),
            options: RwSignal::new_local(AggregateOptions::default()),
            results: RwSignal::new_local(None),
            millis: RwSignal::new(None),
            busy: RwSignal::new(false),
            phases: RwSignal::new((0.0, 0.0, 0.0)),
        }
    }

    /// Adds files (name, text) to those imported and merges everything again.
    pub fn import(self, added: Vec<(String, Vec<u8>)>) {
        self.files.update_value(|f| f.extend(added));
        self.remerge();
    }

    /// Merges the imported files for the current target survey.
    pub fn remerge(self) {
        let start = now_ms();
        let catalog = self.catalog.get_untracked();
        let target = self.target.get_untracked();
        let outcome = self.files.with_value(|files| {
            let borrowed: Vec<(String, &[u8])> = files.iter().map(|(n, b)| (n.clone(), b.as_slice())).collect();
            merge_files(borrowed, target.as_ref(), &|a, b| catalog.compatible(a, b))
        });
        let merged = now_ms();
        self.outcome.set(Some(outcome));
        self.rescore();
        let done = now_ms();
        self.phases.update(|p| {
            p.1 = merged - start;
            p.2 = done - merged;
        });
    }

    /// Analyses another survey found among the files.
    pub fn analyse(self, survey: SurveyRef) {
        self.target.set(Some(survey));
        self.remerge();
    }

    /// Keeps the other version of conflict `index`.
    pub fn choose_other(self, index: usize) {
        self.outcome.update(|o| {
            if let Some(m) = o.as_mut().and_then(|o| o.merged.as_mut()) {
                let _ = m.choose_other(index);
            }
        });
        self.rescore();
    }

    /// Adds a definition loaded from a file; errors name their place.
    pub fn load_definition(self, text: &str) -> Result<(), Vec<String>> {
        let loaded = canvass_core::load(text).map_err(|f| f.errors.into_iter().map(|d| d.message).collect::<Vec<_>>())?;
        self.catalog.update(|c| c.0.push(Definition { loaded: Arc::new(loaded), bundled: false }));
        // A new definition may make another version combinable.
        self.remerge();
        Ok(())
    }

    /// Sets the grouping and computes the report again.
    pub fn set_options(self, options: AggregateOptions) {
        self.options.set(options);
        self.rescore();
    }

    /// Scores the merged records with the definition and builds the report.
    pub fn rescore(self) {
        let results = self.outcome.with_untracked(|o| {
            let merged = o.as_ref()?.merged.as_ref()?;
            let Some((definition, exact)) = self.catalog.with_untracked(|c| c.find(&merged.survey)) else {
                return Some(Err(format!("{} {}", merged.survey.id, merged.survey.version)));
            };
            let options = self.options.get_untracked();
            let def = &definition.loaded;
            let logic = ResponseLogic::new(&def.logic, Env::new(crate::download::today(), "default"));
            // Stored scores made by this scorer for this very definition are
            // used as they are (core checks rules version, hash and layout);
            // the others are scored from their answers. `?rescore` in the
            // address scores every response from its answers (for checking).
            let (m, s, a, records) = (&def.scoring, &def.survey, &def.analysis, &merged.records);
            let prepared = if rescore_all() {
                canvass_core::aggregate::Prepared::new(m, s, a, records, &logic)
            } else {
                canvass_core::aggregate::Prepared::new_using_stored(m, s, a, records, &logic, &s.hash)
            };
            let report = prepared.and_then(|p| p.report(&options));
            Some(report.map_err(|e| e.to_string()).map(|report| Results {
                exact,
                report: Arc::new(report),
                date_range: canvass_core::dashboard::date_range(&merged.records),
                meta_keys: canvass_core::dashboard::meta_keys(&merged.records),
                definition,
            }))
        });
        self.results.set(results);
    }
}

/// Whether the address asks to score every response from its answers.
fn rescore_all() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.contains("rescore"))
}

/// A monotonic clock in milliseconds.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The session of this page.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The interface locale.
pub fn use_locale() -> RwSignal<crate::i18n::Locale> {
    expect_context::<RwSignal<crate::i18n::Locale>>()
}
