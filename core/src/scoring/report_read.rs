//! `Deserialize` for the score report, written by hand instead of derived
//! (why and how: `crate::json_read`). A test compares them with the derive.

use serde::{Deserialize, Deserializer};

use crate::json_read::{opt, read, req};

use super::report::{FollowUp, IndicatorScore, ItemScore, MissingCounts, ScoreReport};

impl<'de> Deserialize<'de> for ScoreReport {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct ScoreReport", |m| {
            Ok(ScoreReport {
                scoring_version: req(m, "scoringVersion")?,
                items: req(m, "items")?,
                indicators: req(m, "indicators")?,
                overall: opt(m, "overall")?,
                raw_total: opt(m, "rawTotal")?,
                grade: opt(m, "grade")?,
                counts: req(m, "counts")?,
                follow_up: req(m, "followUp")?,
                overall_question: opt(m, "overallQuestion")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for ItemScore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct ItemScore", |m| {
            Ok(ItemScore {
                id: req(m, "id")?,
                status: req(m, "status")?,
                x: opt(m, "x")?,
                score: opt(m, "score")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for IndicatorScore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct IndicatorScore", |m| {
            Ok(IndicatorScore {
                name: req(m, "name")?,
                score: opt(m, "score")?,
                answered_share: req(m, "answeredShare")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for MissingCounts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct MissingCounts", |m| {
            Ok(MissingCounts {
                valid: req(m, "valid")?,
                not_applicable: req(m, "notApplicable")?,
                skipped: req(m, "skipped")?,
                hidden: req(m, "hidden")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for FollowUp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct FollowUp", |m| {
            Ok(FollowUp {
                flagged: req(m, "flagged")?,
                reasons: req(m, "reasons")?,
            })
        })
    }
}

#[cfg(test)]
#[path = "report_read_tests.rs"]
mod tests;
