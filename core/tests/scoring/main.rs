//! Scoring tests: surveys built as model values, scored by hand-computed
//! numbers (DOMAIN.md "Scoring semantics").

mod support;

mod errors;
mod grades;
mod indicators;
mod invalid;
mod items;
mod overall;
mod props;
