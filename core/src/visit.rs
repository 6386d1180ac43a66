//! A field visit or phone callback (上门回访 / 电话回访) and its outcome.
//!
//! Field staff record every contact, successful or not, so that the office
//! can compute the response rate (completed households against contacted
//! households, DOMAIN resolved item 21). A visit rides on a `Response`
//! record: a completed questionnaire carries the visit that produced it, and
//! a visit that produced no questionnaire (refused, nobody home, …) is a
//! record with empty answers, no `completedAt` and only the visit. Such
//! records count for the response rate and nowhere else (item 24).

use serde::{Deserialize, Serialize};

/// One contact with a household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Visit {
    /// The household's key (address or account number, as the programme
    /// keys them). Several visits to one household share it and count once,
    /// by the latest visit; a visit without one is its own household.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    /// Who made the contact; the response rate is reported per interviewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer: Option<String>,
    /// What happened.
    pub outcome: Outcome,
    /// When, RFC 3339 with the device's UTC offset
    /// (`2026-11-23T16:20:05+08:00`). Decides which visit to a household is
    /// the latest; an undated visit is older than any dated one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// How the contact was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Free text from the interviewer ("call after 6 pm").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The outcome of one contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Outcome {
    /// The questionnaire was completed (counts in the numerator).
    Completed,
    /// The household declined.
    Refused,
    /// Nobody answered the door or the phone.
    NobodyHome,
    /// The address or number does not exist: left out of the denominator.
    InvalidAddress,
    /// Asked to be contacted again later.
    CallBackLater,
    /// Anything else.
    Other,
}

/// How a contact was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Channel {
    /// 上门回访: in person at the household.
    DoorToDoor,
    /// 电话回访: a phone callback.
    Phone,
    /// The customer answered a link on their own device.
    Online,
    /// Anything else.
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visit_round_trips_with_camel_case_names() {
        let json = r#"{"household":"3-2-501","interviewer":"王芳","outcome":"nobodyHome","at":"2026-11-23T16:20:05+08:00","channel":"doorToDoor"}"#;
        let visit: Visit = serde_json::from_str(json).unwrap();
        assert_eq!(visit.outcome, Outcome::NobodyHome);
        assert_eq!(visit.channel, Some(Channel::DoorToDoor));
        assert_eq!(serde_json::to_string(&visit).unwrap(), json);
    }

    #[test]
    fn only_the_outcome_is_required() {
        let visit: Visit = serde_json::from_str(r#"{"outcome":"invalidAddress"}"#).unwrap();
        assert_eq!(visit.outcome, Outcome::InvalidAddress);
        assert_eq!(visit.household, None);
        assert!(serde_json::from_str::<Visit>(r#"{"outcome":"moved"}"#).is_err());
    }
}
