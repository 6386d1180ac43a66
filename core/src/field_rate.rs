//! The response rate as the device shows it to field staff: computed by
//! the same rule as the office report (DOMAIN resolved item 21,
//! `aggregate::response_rate`) over the list rows the device keeps, and
//! compared with the programme's target (default 70%).

use crate::aggregate::response_rate::{latest_visits, RateAcc, ResponseRate};
use crate::listing::ResponseRow;
use crate::response::{Response, SurveyRef};
use crate::visit::Visit;

/// The target when the device has none set: "≥ 70%" from the source material.
pub const DEFAULT_TARGET: f64 = 0.7;

/// Tolerance of the target comparison (DOMAIN item 16).
const TOLERANCE: f64 = 1e-9;

/// The response rate over `rows` (all surveys on the device, or the ones
/// the caller passes), overall and per interviewer.
pub fn response_rate(rows: &[ResponseRow]) -> ResponseRate {
    // The shells carry exactly what the rule reads: the visit and the
    // record's completion time, in stored order.
    let shells: Vec<Response> = rows
        .iter()
        .filter_map(|row| {
            let outcome = row.outcome?;
            Some(Response {
                id: row.id,
                survey: SurveyRef {
                    id: String::new(),
                    version: String::new(),
                    hash: String::new(),
                },
                started_at: String::new(),
                completed_at: (row.status == crate::listing::RowStatus::Completed)
                    .then(|| row.at.clone()),
                answers: Default::default(),
                meta: Default::default(),
                score: None,
                visit: Some(Visit {
                    household: row.household.clone(),
                    interviewer: row.interviewer.clone(),
                    outcome,
                    at: row.visit_at.clone(),
                    ..Visit::default()
                }),
            })
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    let latest = latest_visits(&shells);
    for &i in &latest {
        if let Some(who) = shells[i].visit.as_ref().and_then(|v| v.interviewer.clone()) {
            if !names.contains(&who) {
                names.push(who);
            }
        }
    }
    let mut acc = RateAcc::new(names.len());
    for i in latest {
        let visit = shells[i]
            .visit
            .as_ref()
            .expect("latest visits have a visit");
        let who = visit
            .interviewer
            .as_ref()
            .and_then(|w| names.iter().position(|n| n == w));
        acc.add(visit.outcome, who);
    }
    acc.report(&names)
}

/// How a rate stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetStatus {
    Met,
    Below,
    /// No household counted yet.
    NoData,
}

/// Compares `rate` with `target` (both fractions).
pub fn against_target(rate: Option<f64>, target: f64) -> TargetStatus {
    match rate {
        None => TargetStatus::NoData,
        Some(r) if r >= target - TOLERANCE => TargetStatus::Met,
        Some(_) => TargetStatus::Below,
    }
}

/// Why a typed target was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TargetError {
    #[error("response-rate target {0:?}: enter a percentage from 1 to 100")]
    OutOfRange(String),
}

/// Reads a target typed as a percentage ("70", "70%", "85.5") into a fraction.
pub fn parse_target_percent(text: &str) -> Result<f64, TargetError> {
    let t = text.trim().trim_end_matches(['%', '％']).trim();
    match t.parse::<f64>() {
        Ok(p) if p.is_finite() && (1.0..=100.0).contains(&p) => Ok(p / 100.0),
        _ => Err(TargetError::OutOfRange(text.to_owned())),
    }
}

/// A fraction as a whole percent for display ("67%"), "—" when missing.
pub fn percent(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.0}%", r * 100.0))
        .unwrap_or_else(|| "—".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::{ResponseRow, RowStatus};
    use crate::visit::Outcome;

    fn row(n: u128, household: &str, who: &str, outcome: Outcome, at: &str) -> ResponseRow {
        ResponseRow {
            id: uuid::Uuid::from_u128(n),
            survey: "s".into(),
            status: if outcome == Outcome::Completed {
                RowStatus::Completed
            } else {
                RowStatus::VisitOnly
            },
            at: at.into(),
            interviewer: Some(who.into()),
            household: Some(household.into()),
            outcome: Some(outcome),
            visit_at: Some(at.into()),
            grade: None,
            score: None,
            follow_up: None,
            fast: false,
            text: String::new(),
        }
    }

    #[test]
    fn households_count_once_by_their_latest_visit_and_invalid_addresses_drop_out() {
        let rows = vec![
            row(
                1,
                "1-101",
                "王",
                Outcome::NobodyHome,
                "2026-11-23T09:00:00+08:00",
            ),
            row(
                2,
                "1-101",
                "王",
                Outcome::Completed,
                "2026-11-23T18:00:00+08:00",
            ),
            row(
                3,
                "1-102",
                "王",
                Outcome::Refused,
                "2026-11-23T09:10:00+08:00",
            ),
            row(
                4,
                "1-103",
                "李",
                Outcome::InvalidAddress,
                "2026-11-23T09:20:00+08:00",
            ),
            row(
                5,
                "1-104",
                "李",
                Outcome::Completed,
                "2026-11-23T09:30:00+08:00",
            ),
            // Same household, earlier in time though stored later: not the latest.
            row(
                6,
                "1-104",
                "李",
                Outcome::Refused,
                "2026-11-23T01:00:00+00:00",
            ),
            row(
                7,
                "1-105",
                "李",
                Outcome::CallBackLater,
                "2026-11-23T10:00:00+08:00",
            ),
        ];
        let rate = response_rate(&rows);
        assert_eq!(
            (
                rate.overall.completed,
                rate.overall.households,
                rate.overall.invalid_address
            ),
            (2, 4, 1)
        );
        assert_eq!(rate.overall.rate, Some(0.5));
        let by: Vec<_> = rate
            .per_interviewer
            .iter()
            .map(|i| (i.interviewer.as_str(), i.rate.completed, i.rate.households))
            .collect();
        assert_eq!(by, vec![("李", 1, 2), ("王", 1, 2)]);
    }

    #[test]
    fn drafts_without_a_visit_do_not_count_and_no_households_means_no_rate() {
        let mut draft = row(
            1,
            "x",
            "王",
            Outcome::Completed,
            "2026-11-23T09:00:00+08:00",
        );
        draft.outcome = None;
        draft.status = RowStatus::Draft;
        assert_eq!(response_rate(&[draft]).overall.rate, None);
    }

    #[test]
    fn targets_compare_with_tolerance_and_parse_as_percent() {
        assert_eq!(against_target(Some(0.7), DEFAULT_TARGET), TargetStatus::Met);
        assert_eq!(against_target(Some(0.7 - 1e-12), 0.7), TargetStatus::Met);
        assert_eq!(against_target(Some(0.69), 0.7), TargetStatus::Below);
        assert_eq!(against_target(None, 0.7), TargetStatus::NoData);
        assert_eq!(parse_target_percent(" 85% "), Ok(0.85));
        assert_eq!(parse_target_percent("70"), Ok(0.7));
        for bad in ["0", "101", "abc", "", "NaN"] {
            assert!(parse_target_percent(bad).is_err(), "{bad}");
        }
        assert_eq!(percent(Some(2.0 / 3.0)), "67%");
        assert_eq!(percent(None), "—");
    }
}
