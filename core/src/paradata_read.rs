//! `Deserialize` for the paradata, written by hand instead of derived (why
//! and how: `crate::json_read`). A test compares them with the derive.

use serde::{Deserialize, Deserializer};

use crate::json_read::{def, opt, read, req};
use crate::paradata::{AnswerChange, Focus, Paradata, Pause};

impl<'de> Deserialize<'de> for Paradata {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct Paradata", |m| {
            Ok(Paradata {
                started_ms: req(m, "startedMs")?,
                ended_ms: opt(m, "endedMs")?,
                time_on: def(m, "timeOn")?,
                changes: def(m, "changes")?,
                pauses: def(m, "pauses")?,
                current: opt(m, "current")?,
                paused_since: opt(m, "pausedSince")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for AnswerChange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct AnswerChange", |m| {
            Ok(AnswerChange {
                question: req(m, "question")?,
                old: opt(m, "old")?,
                new: opt(m, "new")?,
                at_ms: req(m, "atMs")?,
            })
        })
    }
}

impl<'de> Deserialize<'de> for Pause {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct Pause", |m| Ok(Pause { from_ms: req(m, "fromMs")?, to_ms: req(m, "toMs")? }))
    }
}

impl<'de> Deserialize<'de> for Focus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(d, "struct Focus", |m| Ok(Focus { question: req(m, "question")?, since_ms: req(m, "sinceMs")? }))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{from_str, from_value, json, to_value, Value};

    use crate::paradata::{AnswerChange, Focus, Paradata, Pause};

    /// What serde's derive read before (same names, so the messages match).
    mod derived {
        #![allow(dead_code)]
        use serde::Deserialize;
        use serde_json::Value;
        use std::collections::BTreeMap;

        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct Paradata {
            pub started_ms: i64,
            #[serde(default)]
            pub ended_ms: Option<i64>,
            #[serde(default)]
            pub time_on: BTreeMap<String, u64>,
            #[serde(default)]
            pub changes: Vec<AnswerChange>,
            #[serde(default)]
            pub pauses: Vec<Pause>,
            #[serde(default)]
            pub current: Option<Focus>,
            #[serde(default)]
            pub paused_since: Option<i64>,
        }
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct AnswerChange {
            pub question: String,
            #[serde(default)]
            pub old: Option<Value>,
            #[serde(default)]
            pub new: Option<Value>,
            pub at_ms: i64,
        }
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct Pause {
            pub from_ms: i64,
            pub to_ms: i64,
        }
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct Focus {
            pub question: String,
            pub since_ms: i64,
        }
    }

    fn full() -> Paradata {
        Paradata {
            started_ms: 1_700_000_000_000,
            ended_ms: Some(1_700_000_090_000),
            time_on: [("q1".to_string(), 4000u64), ("q2".to_string(), 1)].into(),
            changes: vec![
                AnswerChange { question: "q1".into(), old: None, new: Some(json!("a")), at_ms: 5 },
                AnswerChange { question: "q1".into(), old: Some(json!("a")), new: Some(json!(["b", 2])), at_ms: 9 },
            ],
            pauses: vec![Pause { from_ms: 10, to_ms: 20 }],
            current: Some(Focus { question: "q2".into(), since_ms: 30 }),
            paused_since: Some(40),
        }
    }

    #[test]
    fn stored_paradata_reads_back_as_written() {
        for p in [full(), Paradata { started_ms: -3, ..Paradata::default() }] {
            let v = to_value(&p).unwrap();
            assert_eq!(from_value::<Paradata>(v.clone()).unwrap(), p);
            assert_eq!(from_str::<Paradata>(&v.to_string()).unwrap(), p);
        }
        // `null` for an old or new value reads as absent, as with the derive.
        let c: AnswerChange = from_value(json!({"question": "q", "old": null, "atMs": 1})).unwrap();
        assert_eq!(c.old, None);
    }

    #[test]
    fn bad_paradata_gets_the_derives_errors() {
        let good = to_value(full()).unwrap();
        let with = |path: &[&str], value: Option<Value>| crate::json_read::edited(&good, path, value);
        let mut cases = vec![json!("p"), json!(null), json!(1)];
        cases.push(with(&["startedMs"], None));
        for key in ["startedMs", "endedMs", "timeOn", "changes", "pauses", "current", "pausedSince"] {
            cases.push(with(&[key], Some(json!("x"))));
        }
        cases.push(with(&["startedMs"], Some(json!(1.5))));
        cases.push(with(&["timeOn"], Some(json!({"q": -1}))));
        for key in ["question", "atMs"] {
            cases.push(with(&["changes", "0", key], None));
            cases.push(with(&["changes", "0", key], Some(json!([]))));
        }
        for key in ["fromMs", "toMs"] {
            cases.push(with(&["pauses", "0", key], None));
        }
        for key in ["question", "sinceMs"] {
            cases.push(with(&["current", key], None));
            cases.push(with(&["current", key], Some(json!(true))));
        }
        for v in cases {
            let ours = from_value::<Paradata>(v.clone()).unwrap_err().to_string();
            let derived = from_value::<derived::Paradata>(v.clone()).unwrap_err().to_string();
            assert_eq!(ours, derived, "{v}");
        }
    }
}
