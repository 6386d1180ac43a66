//! `Deserialize` for follow-up cases, written by hand instead of derived
//! (why and how: `crate::json_read`). A test compares them with the derive.

use serde::{Deserialize, Deserializer};

use crate::followup::{CaseNote, FollowUpCase, StatusChange};
use crate::json_read::{def, opt, read, req};

impl<'de> Deserialize<'de> for FollowUpCase {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct FollowUpCase", |m| {
            Ok(FollowUpCase {
                response: req(m, "response")?,
                survey: req(m, "survey")?,
                household: opt(m, "household")?,
                reasons: req(m, "reasons")?,
                contact: def(m, "contact")?,
                assignee: opt(m, "assignee")?,
                due: opt(m, "due")?,
                status: def(m, "status")?,
                notes: def(m, "notes")?,
                history: def(m, "history")?,
                created_at: req(m, "createdAt")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for CaseNote {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct CaseNote", |m| {
            Ok(CaseNote { at: req(m, "at")?, by: opt(m, "by")?, text: req(m, "text")? })
        })
    }
}

impl<'de> Deserialize<'de> for StatusChange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct StatusChange", |m| {
            Ok(StatusChange { from: req(m, "from")?, to: req(m, "to")?, at: req(m, "at")?, by: opt(m, "by")? })
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{from_str, from_value, json, to_value, Value};

    use crate::followup::{CaseNote, FollowUpCase, FollowUpStatus, StatusChange};
    use crate::scoring::FollowUpReason;

    /// What serde's derive read before (same names, so the messages match).
    mod derived {
        #![allow(dead_code)]
        use crate::followup::FollowUpStatus;
        use crate::scoring::FollowUpReason;
        use serde::Deserialize;
        use std::collections::BTreeMap;

        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct FollowUpCase {
            pub response: uuid::Uuid,
            pub survey: String,
            #[serde(default)]
            pub household: Option<String>,
            pub reasons: Vec<FollowUpReason>,
            #[serde(default)]
            pub contact: BTreeMap<String, String>,
            #[serde(default)]
            pub assignee: Option<String>,
            #[serde(default)]
            pub due: Option<String>,
            #[serde(default)]
            pub status: FollowUpStatus,
            #[serde(default)]
            pub notes: Vec<CaseNote>,
            #[serde(default)]
            pub history: Vec<StatusChange>,
            pub created_at: String,
        }
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct CaseNote {
            pub at: String,
            #[serde(default)]
            pub by: Option<String>,
            pub text: String,
        }
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct StatusChange {
            pub from: FollowUpStatus,
            pub to: FollowUpStatus,
            pub at: String,
            #[serde(default)]
            pub by: Option<String>,
        }
    }

    fn full() -> FollowUpCase {
        FollowUpCase {
            response: uuid::Uuid::from_u128(9),
            survey: "callback".into(),
            household: Some("A-3".into()),
            reasons: vec![FollowUpReason::BottomBox { item: "speed".into() }],
            contact: [("phone".to_string(), "138".to_string())].into(),
            assignee: Some("李".into()),
            due: Some("2026-11-30".into()),
            status: FollowUpStatus::Contacted,
            notes: vec![CaseNote { at: "t1".into(), by: Some("李".into()), text: "called".into() }],
            history: vec![StatusChange {
                from: FollowUpStatus::Open,
                to: FollowUpStatus::Contacted,
                at: "t1".into(),
                by: None,
            }],
            created_at: "t0".into(),
        }
    }

    #[test]
    fn stored_cases_read_back_as_written() {
        let bare = FollowUpCase {
            household: None,
            contact: Default::default(),
            assignee: None,
            due: None,
            status: FollowUpStatus::Open,
            notes: vec![],
            history: vec![],
            ..full()
        };
        for c in [full(), bare] {
            let v = to_value(&c).unwrap();
            assert_eq!(from_value::<FollowUpCase>(v.clone()).unwrap(), c);
            assert_eq!(from_str::<FollowUpCase>(&v.to_string()).unwrap(), c);
        }
    }

    #[test]
    fn bad_cases_get_the_derives_errors() {
        let good = to_value(full()).unwrap();
        let with = |path: &[&str], value: Option<Value>| crate::json_read::edited(&good, path, value);
        let mut cases = vec![json!("c"), json!(null), json!(2)];
        for key in ["response", "survey", "reasons", "createdAt"] {
            cases.push(with(&[key], None));
        }
        for key in ["response", "survey", "household", "reasons", "contact", "assignee", "due", "status", "notes", "history", "createdAt"] {
            cases.push(with(&[key], Some(json!(7))));
        }
        cases.push(with(&["status"], Some(json!("closed"))));
        for key in ["at", "text"] {
            cases.push(with(&["notes", "0", key], None));
        }
        cases.push(with(&["notes", "0", "by"], Some(json!(1))));
        for key in ["from", "to", "at"] {
            cases.push(with(&["history", "0", key], None));
        }
        cases.push(with(&["history", "0", "to"], Some(json!("gone"))));
        for v in cases {
            let ours = from_value::<FollowUpCase>(v.clone()).unwrap_err().to_string();
            let derived = from_value::<derived::FollowUpCase>(v.clone()).unwrap_err().to_string();
            assert_eq!(ours, derived, "{v}");
        }
    }
}
