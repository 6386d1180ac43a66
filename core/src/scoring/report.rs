//! What scoring one response produces: plain, serialisable data stored with
//! the response and shown on the end page.

use serde::{Deserialize, Serialize};

/// The version of the scoring rules that produced a report. Bump it when a
/// rule changes so that stored scores can be told apart from fresh ones.
pub const SCORING_VERSION: u32 = 1;

/// The score breakdown of one response.
#[derive(Debug, Clone, PartialEq, Serialize)]
/// Read by hand (`report_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    pub scoring_version: u32,
    /// Every scored item, in survey order (matrix rows as `matrix.row`).
    pub items: Vec<ItemScore>,
    /// Every declared indicator, in declaration order.
    pub indicators: Vec<IndicatorScore>,
    /// Overall score 0–100, missing when no top-level indicator has one.
    pub overall: Option<f64>,
    /// Raw total Σx' over answered scored items; missing when none answered.
    pub raw_total: Option<f64>,
    /// Grade band name; missing when the graded value is missing or below
    /// every band.
    pub grade: Option<String>,
    /// How many scored items were valid, N/A, skipped and hidden.
    pub counts: MissingCounts,
    /// Whether this response needs a follow-up, and why.
    pub follow_up: FollowUp,
    /// The overall-satisfaction question's value, scored or not, so that
    /// satisfaction rates and importance–performance can be computed from
    /// stored reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_question: Option<ItemScore>,
}

/// One scored item's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
/// Read by hand (`report_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct ItemScore {
    /// `question` or `question.row` for a matrix row.
    pub id: String,
    pub status: ItemStatus,
    /// The raw value x, when valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    /// The normalised score s in 0–100 (reverse applied), when valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// Why an item has or lacks a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ItemStatus {
    Valid,
    NotApplicable,
    Skipped,
    Hidden,
}

/// One indicator's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
/// Read by hand (`report_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct IndicatorScore {
    pub name: String,
    /// 0–100, missing per the minimum-answered and zero-weight rules.
    pub score: Option<f64>,
    /// Weight share (0–1) of children that have a score.
    pub answered_share: f64,
}

/// Counts of scored items by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
/// Read by hand (`report_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct MissingCounts {
    pub valid: u32,
    pub not_applicable: u32,
    pub skipped: u32,
    pub hidden: u32,
}

/// The follow-up flag (闭环) of one response.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
/// Read by hand (`report_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub flagged: bool,
    pub reasons: Vec<FollowUpReason>,
}

/// Why a response was flagged. Stored as `{"kind": "bottomBox", "item": …}`
/// (internally tagged); read back by hand, see the `Deserialize` below.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FollowUpReason {
    /// A scored item's answer fell in its bottom box.
    BottomBox { item: String },
    /// The grade is the lowest band.
    LowestGrade { grade: String },
    /// A survey-declared condition held.
    Condition { name: String },
}

/// Hand-written instead of derived: serde's derive reads an internally
/// tagged enum through its private `Content` buffer, which cost the app
/// about 10 KB of wasm (docs/SIZE.md). Reading the object as a JSON map
/// shares the code every stored map already uses. Same format and the same
/// errors as the derive (missing `kind` or field, unknown variant, wrong
/// type); unknown fields are ignored, as before. Only serde's array form
/// of a tagged enum (`["bottomBox", "q1"]`), which Canvass never wrote, is
/// no longer read.
impl<'de> Deserialize<'de> for FollowUpReason {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use crate::json_read::unexpected;
        use serde::de::Error;
        use serde_json::Value;
        const KINDS: &[&str] = &["bottomBox", "lowestGrade", "condition"];
        let map = match Value::deserialize(d)? {
            Value::Object(map) => map,
            other => {
                let e = D::Error::invalid_type(unexpected(&other), &"internally tagged enum FollowUpReason");
                return Err(e);
            }
        };
        let read = |key: &'static str, expected: &'static str| match map.get(key) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(D::Error::invalid_type(unexpected(other), &expected)),
            None => Err(D::Error::missing_field(key)),
        };
        let string = |key| read(key, "a string");
        match read("kind", "variant identifier")?.as_str() {
            "bottomBox" => Ok(FollowUpReason::BottomBox { item: string("item")? }),
            "lowestGrade" => Ok(FollowUpReason::LowestGrade { grade: string("grade")? }),
            "condition" => Ok(FollowUpReason::Condition { name: string("name")? }),
            other => Err(D::Error::unknown_variant(other, KINDS)),
        }
    }
}

#[cfg(test)]
mod follow_up_reason_tests {
    use super::FollowUpReason;
    use serde_json::{from_str, from_value, json, to_value};

    fn all() -> Vec<FollowUpReason> {
        vec![
            FollowUpReason::BottomBox { item: "speed".into() },
            FollowUpReason::LowestGrade { grade: "C".into() },
            FollowUpReason::Condition { name: "安全".into() },
        ]
    }

    #[test]
    fn the_stored_format_is_unchanged_and_reads_back() {
        let v = to_value(all()).unwrap();
        assert_eq!(
            v,
            json!([{"kind": "bottomBox", "item": "speed"}, {"kind": "lowestGrade", "grade": "C"},
                   {"kind": "condition", "name": "安全"}])
        );
        assert_eq!(from_value::<Vec<FollowUpReason>>(v.clone()).unwrap(), all());
        assert_eq!(from_str::<Vec<FollowUpReason>>(&v.to_string()).unwrap(), all());
        // Unknown fields are ignored, as with the derive.
        let extra = json!({"kind": "condition", "name": "x", "note": 1});
        assert_eq!(from_value::<FollowUpReason>(extra).unwrap(), FollowUpReason::Condition { name: "x".into() });
    }

    /// What serde's derive did before (the same enum, derived).
    mod derived {
        #[derive(Debug, serde::Deserialize)]
        #[serde(tag = "kind", rename_all = "camelCase")]
        #[allow(dead_code)]
        pub enum FollowUpReason {
            BottomBox { item: String },
            LowestGrade { grade: String },
            Condition { name: String },
        }
    }

    #[test]
    fn bad_input_gets_the_derives_errors() {
        let cases = [
            json!({"item": "a"}),
            json!({"kind": "bottomBox"}),
            json!({"kind": "other", "item": "a"}),
            json!({"kind": "condition", "name": 3}),
            json!({"kind": "condition", "name": -3}),
            json!({"kind": "condition", "name": 2.5}),
            json!({"kind": "condition", "name": [true]}),
            json!({"kind": "condition", "name": null}),
            json!({"kind": 1}),
            json!("bottomBox"),
            json!(null),
        ];
        for v in cases {
            let ours = from_value::<FollowUpReason>(v.clone()).unwrap_err().to_string();
            let derived = from_value::<derived::FollowUpReason>(v.clone()).unwrap_err().to_string();
            assert_eq!(ours, derived, "{v}");
        }
    }
}
