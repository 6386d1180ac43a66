//! Canvass core: the survey model, the strict loader for SurveyJS JSON, the
//! scoring contract and the export format — with no browser dependency, so
//! that everything deciding a number is plain Rust, tested natively and
//! shared by the app and the `canvass` command line.
//!
//! Load a survey, answer it, score it, export it:
//!
//! ```
//! use std::collections::BTreeSet;
//! use canvass_core::{export::{Export, ExportedSurvey}, response::{Answers, Response, SurveyRef}};
//!
//! let loaded = canvass_core::load(r#"{
//!   "id": "callback", "title": {"default": "Callback", "zh-cn": "回访"},
//!   "pages": [{"elements": [
//!     {"type": "radiogroup", "name": "speed", "scored": true, "choices": [
//!       {"value": "good", "text": {"default": "Satisfied", "zh-cn": "满意"}, "score": 50},
//!       {"value": "poor", "text": {"default": "Dissatisfied", "zh-cn": "不满意"}, "score": -10},
//!       {"value": "na", "text": "N/A", "notApplicable": true}]}]}],
//!   "scoring": {"grades": {"basis": "total", "bands": [{"name": "A", "min": 40}, {"name": "B"}]}}
//! }"#).expect("the survey loads");
//!
//! let mut answers = Answers::new();
//! answers.insert("speed".into(), "good".into());
//! let report = loaded.scoring.score(&answers, &BTreeSet::new()).expect("valid answers");
//! assert_eq!(report.raw_total, Some(50.0));
//! assert_eq!(report.overall, Some(100.0)); // 100 · (50 − (−10)) / (50 − (−10))
//! assert_eq!(report.grade.as_deref(), Some("A"));
//!
//! let s = &loaded.survey;
//! let identity = SurveyRef { id: s.id.clone(), version: s.version.clone(), hash: s.hash.clone() };
//! let response = Response {
//!     id: uuid::Uuid::from_u128(7),
//!     survey: identity.clone(),
//!     started_at: "2026-11-23T09:00:00+08:00".into(),
//!     completed_at: Some("2026-11-23T09:02:00+08:00".into()),
//!     answers,
//!     meta: Default::default(),
//!     score: Some(report),
//!     visit: None,
//! };
//! let export = Export::new(ExportedSurvey { identity, title: s.title.clone() }, vec![response],
//!                          "2026-11-23T09:03:00+08:00".into());
//! let back = Export::from_json(&export.to_json()).expect("reads back");
//! assert_eq!(back, export);
//! ```

pub mod aggregate;
pub mod analysis;
pub mod base64;
pub mod bundle;
pub mod csv;
pub mod dashboard;
pub mod export;
pub mod expr;
pub mod field_rate;
pub mod followup;
mod followup_read;
pub mod listing;
pub mod html;
mod json_read;
pub mod load;
pub mod logic;
pub mod media;
pub mod signature;
pub mod merge;
pub mod paradata;
mod paradata_read;
pub mod pin;
pub mod profile;
pub mod response;
mod response_read;
pub mod scoring;
pub mod small_sort;
pub mod survey;
pub mod table;
pub mod text;
pub mod visit;
pub mod zip;

pub use load::{load, Diagnostic, LoadFailure, LoadedSurvey};
