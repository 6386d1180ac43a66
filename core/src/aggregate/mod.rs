//! Aggregates over a set of completed responses (DOMAIN "Aggregates over a
//! set of completed responses", resolved items 12–25).

pub mod kano;
pub mod period;
pub mod response_rate;
pub mod stats;
pub mod themes;
