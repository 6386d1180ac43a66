//! `Deserialize` for the stored response and its visit, written by hand
//! instead of derived (why and how: `crate::json_read`). A test compares
//! them with the derive.

use serde::{Deserialize, Deserializer};

use crate::json_read::{def, opt, read, req};
use crate::response::{Response, SurveyRef};
use crate::visit::{Position, Visit};

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct Response", |m| {
            Ok(Response {
                id: req(m, "id")?,
                survey: req(m, "survey")?,
                started_at: req(m, "startedAt")?,
                completed_at: opt(m, "completedAt")?,
                answers: req(m, "answers")?,
                meta: def(m, "meta")?,
                score: opt(m, "score")?,
                visit: opt(m, "visit")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for SurveyRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct SurveyRef", |m| {
            Ok(SurveyRef {
                id: req(m, "id")?,
                version: req(m, "version")?,
                hash: req(m, "hash")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for Visit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct Visit", |m| {
            Ok(Visit {
                household: opt(m, "household")?,
                interviewer: opt(m, "interviewer")?,
                outcome: req(m, "outcome")?,
                at: opt(m, "at")?,
                channel: opt(m, "channel")?,
                note: opt(m, "note")?,
                segment: opt(m, "segment")?,
                team: opt(m, "team")?,
                position: opt(m, "position")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct Position", |m| {
            Ok(Position {
                latitude: req(m, "latitude")?,
                longitude: req(m, "longitude")?,
                accuracy_m: req(m, "accuracyM")?,
            })
        })
    }
}

#[cfg(test)]
#[path = "response_read_tests.rs"]
mod tests;
