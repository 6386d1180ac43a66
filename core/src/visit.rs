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
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
/// Read by hand (`response_read.rs`, docs/SIZE.md).
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
    /// The customer segment (industrial, residential, a project name, …),
    /// so the next household visited in the same block starts with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// The interviewer's team, copied from the device profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Where the phone was, only when the interviewer ticked "record
    /// position" and the browser's permission was granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

impl Outcome {
    /// Every outcome, in the order the visit form offers them.
    pub const ALL: [Outcome; 6] = [
        Outcome::Completed,
        Outcome::Refused,
        Outcome::NobodyHome,
        Outcome::InvalidAddress,
        Outcome::CallBackLater,
        Outcome::Other,
    ];

    /// The name used in exports (`nobodyHome`).
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Refused => "refused",
            Outcome::NobodyHome => "nobodyHome",
            Outcome::InvalidAddress => "invalidAddress",
            Outcome::CallBackLater => "callBackLater",
            Outcome::Other => "other",
        }
    }
}

impl Channel {
    /// The channels a visit form offers.
    pub const ALL: [Channel; 3] = [Channel::DoorToDoor, Channel::Phone, Channel::SelfService];

    /// The name used in exports (`doorToDoor`).
    pub fn code(self) -> &'static str {
        match self {
            Channel::DoorToDoor => "doorToDoor",
            Channel::Phone => "phone",
            Channel::SelfService => "selfService",
            Channel::Other => "other",
        }
    }

    /// Reads [`Channel::code`] back.
    pub fn from_code(code: &str) -> Option<Channel> {
        [Channel::DoorToDoor, Channel::Phone, Channel::SelfService, Channel::Other]
            .into_iter()
            .find(|c| c.code() == code)
    }
}

impl Visit {
    /// The visit form for the next household: same interviewer, team,
    /// channel and segment; household, outcome, time, note and position
    /// are the new household's own and start empty. This is what makes the
    /// "next household" flow two taps.
    pub fn next(&self) -> Visit {
        Visit {
            household: None,
            interviewer: self.interviewer.clone(),
            outcome: Outcome::Completed,
            at: None,
            channel: self.channel,
            note: None,
            segment: self.segment.clone(),
            team: self.team.clone(),
            position: None,
        }
    }

    /// The household key as counted (trimmed), `None` when blank.
    pub fn household_key(&self) -> Option<&str> {
        self.household.as_deref().map(str::trim).filter(|h| !h.is_empty())
    }
}

/// A GPS fix (WGS 84, as `navigator.geolocation` gives it).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
/// Read by hand (`response_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct Position {
    pub latitude: f64,
    pub longitude: f64,
    /// Radius of 95% confidence, in metres.
    pub accuracy_m: f64,
}

/// The outcome of one contact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Outcome {
    /// The questionnaire was completed (counts in the numerator). The
    /// default: a visit form starts out expecting a questionnaire.
    #[default]
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
    /// The customer answered a link on their own device. Read as
    /// `online` too, the name of the first version.
    #[serde(alias = "online")]
    SelfService,
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
    fn codes_match_the_serialised_names() {
        for o in Outcome::ALL {
            assert_eq!(serde_json::to_value(o).unwrap(), o.code());
        }
        for c in [Channel::DoorToDoor, Channel::Phone, Channel::SelfService, Channel::Other] {
            assert_eq!(serde_json::to_value(c).unwrap(), c.code());
            assert_eq!(Channel::from_code(c.code()), Some(c));
        }
    }

    #[test]
    fn the_first_versions_online_channel_reads_as_self_service() {
        let v: Visit = serde_json::from_str(r#"{"outcome":"completed","channel":"online"}"#).unwrap();
        assert_eq!(v.channel, Some(Channel::SelfService));
        assert!(serde_json::to_string(&v).unwrap().contains("selfService"));
    }

    #[test]
    fn the_next_visit_keeps_the_round_and_clears_the_household() {
        let visit = Visit {
            household: Some("3-2-501".into()),
            interviewer: Some("王芳".into()),
            outcome: Outcome::Refused,
            at: Some("2026-11-23T16:20:05+08:00".into()),
            channel: Some(Channel::Phone),
            note: Some("angry".into()),
            segment: Some("residential".into()),
            team: Some("A".into()),
            position: Some(Position { latitude: 31.2, longitude: 121.5, accuracy_m: 12.0 }),
        };
        let next = visit.next();
        assert_eq!(next.interviewer, visit.interviewer);
        assert_eq!(next.channel, Some(Channel::Phone));
        assert_eq!(next.segment, visit.segment);
        assert_eq!(next.team, visit.team);
        assert_eq!((next.household, next.at, next.note, next.position), (None, None, None, None));
        assert_eq!(next.outcome, Outcome::Completed);
    }

    #[test]
    fn a_blank_household_is_no_household() {
        let mut v = Visit { household: Some("  ".into()), ..Visit::default() };
        assert_eq!(v.household_key(), None);
        v.household = Some(" 5-101 ".into());
        assert_eq!(v.household_key(), Some("5-101"));
    }

    #[test]
    fn position_round_trips() {
        let json = r#"{"outcome":"completed","position":{"latitude":31.2,"longitude":121.5,"accuracyM":8.5}}"#;
        let v: Visit = serde_json::from_str(json).unwrap();
        assert_eq!(v.position.unwrap().accuracy_m, 8.5);
        assert_eq!(serde_json::to_string(&v).unwrap(), json);
    }

    #[test]
    fn only_the_outcome_is_required() {
        let visit: Visit = serde_json::from_str(r#"{"outcome":"invalidAddress"}"#).unwrap();
        assert_eq!(visit.outcome, Outcome::InvalidAddress);
        assert_eq!(visit.household, None);
        assert!(serde_json::from_str::<Visit>(r#"{"outcome":"moved"}"#).is_err());
    }
}
