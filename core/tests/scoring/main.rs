//! Scoring tests: surveys built as model values, scored by hand-computed
//! numbers (DOMAIN.md "Scoring semantics").

// Test tables spell their row types out.
#![allow(clippy::type_complexity)]

mod support;

mod errors;
mod grades;
mod indicators;
mod invalid;
mod items;
mod overall;
mod props;
