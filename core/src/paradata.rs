//! Paradata (ODK-style): how a response was filled, not what it says —
//! time on each question, every answer change (old → new, when), the
//! pauses while the page was hidden, and the total duration. The office
//! uses it to spot a visit that took 40 seconds for 30 questions
//! ([`speeding`]).
//!
//! Recording is pure: every function takes the time (`now`, milliseconds
//! since the Unix epoch, as `Date.now()` gives it) from the caller, so the
//! same sequence of events always gives the same paradata and is tested
//! natively. A clock that jumps backwards (the user fixes the phone's
//! time) never yields a negative span: spans saturate at zero.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::survey::Value;

/// Consecutive changes of one text answer closer together than this are
/// one change (typing "very slow" is one edit, not nine).
pub const TYPING_MERGE_MS: i64 = 5_000;

/// The paradata of one response.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
/// Read by hand (`paradata_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct Paradata {
    /// When the response was opened (epoch ms).
    pub started_ms: i64,
    /// When it was completed; `None` while it is a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_ms: Option<i64>,
    /// Active milliseconds per question: the time between focusing (or
    /// answering) the question and moving to another one, pauses left out.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub time_on: BTreeMap<String, u64>,
    /// Every answer change, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<AnswerChange>,
    /// Every time the page was hidden (phone locked, another app, tab switched).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<Pause>,
    /// The question being worked on and since when (draft state, kept so a
    /// reload continues the span).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Focus>,
    /// Set while the page is hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_since: Option<i64>,
}

/// One answer change. `None` is "no answer" (first answer, or cleared).
#[derive(Debug, Clone, PartialEq, Serialize)]
/// Read by hand (`paradata_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct AnswerChange {
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    pub at_ms: i64,
}

/// A span during which the page was hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
/// Read by hand (`paradata_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct Pause {
    pub from_ms: i64,
    pub to_ms: i64,
}

/// The question in focus since `since_ms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// Read by hand (`paradata_read.rs`, docs/SIZE.md).
#[serde(rename_all = "camelCase")]
pub struct Focus {
    pub question: String,
    pub since_ms: i64,
}

fn span(from: i64, to: i64) -> u64 {
    u64::try_from(to.saturating_sub(from)).unwrap_or(0)
}

impl Paradata {
    /// The paradata of a response opened at `now`.
    pub fn start(now: i64) -> Paradata {
        Paradata {
            started_ms: now,
            ..Paradata::default()
        }
    }

    /// The respondent moved to `question` (focus, tap): the time since the
    /// last move goes to the question they were on.
    pub fn focus(&mut self, question: &str, now: i64) {
        if self
            .current
            .as_ref()
            .is_some_and(|c| c.question == question)
        {
            return;
        }
        self.close_span(now);
        self.current = Some(Focus {
            question: question.to_owned(),
            since_ms: now,
        });
    }

    /// `question`'s answer went from `old` to `new` at `now`. Equal values
    /// record nothing. When `typed` (a text or number box, which reports
    /// every keystroke), changes of one question in one burst are one
    /// change (see [`TYPING_MERGE_MS`]); choices are always kept apart.
    pub fn change(
        &mut self,
        question: &str,
        old: Option<&Value>,
        new: Option<&Value>,
        typed: bool,
        now: i64,
    ) {
        if old == new {
            return;
        }
        self.focus(question, now);
        if let Some(last) = self.changes.last_mut() {
            let same = typed
                && last.question == question
                && now.saturating_sub(last.at_ms) < TYPING_MERGE_MS;
            if same {
                last.new = recorded(new);
                last.at_ms = now;
                return;
            }
        }
        self.changes.push(AnswerChange {
            question: question.to_owned(),
            old: recorded(old),
            new: recorded(new),
            at_ms: now,
        });
    }

    /// The page was hidden at `now`; nothing counts until [`resume`].
    ///
    /// [`resume`]: Paradata::resume
    pub fn pause(&mut self, now: i64) {
        if self.paused_since.is_some() {
            return;
        }
        self.close_span(now);
        self.paused_since = Some(now);
    }

    /// The page is visible again at `now`.
    pub fn resume(&mut self, now: i64) {
        let Some(from) = self.paused_since.take() else {
            return;
        };
        self.pauses.push(Pause {
            from_ms: from,
            to_ms: now.max(from),
        });
        if let Some(c) = &mut self.current {
            c.since_ms = now;
        }
    }

    /// The response was completed at `now`: the open span and any pause
    /// are closed.
    pub fn finish(&mut self, now: i64) {
        self.resume(now);
        self.close_span(now);
        self.current = None;
        self.ended_ms = Some(now);
    }

    /// Completed minus opened (pauses included); `None` for a draft.
    pub fn total_ms(&self) -> Option<u64> {
        self.ended_ms.map(|end| span(self.started_ms, end))
    }

    /// Milliseconds spent with the page hidden.
    pub fn paused_ms(&self) -> u64 {
        self.pauses.iter().map(|p| span(p.from_ms, p.to_ms)).sum()
    }

    /// Total minus pauses; `None` for a draft.
    pub fn active_ms(&self) -> Option<u64> {
        self.total_ms().map(|t| t.saturating_sub(self.paused_ms()))
    }

    fn close_span(&mut self, now: i64) {
        if self.paused_since.is_some() {
            return;
        }
        if let Some(c) = &mut self.current {
            *self.time_on.entry(c.question.clone()).or_default() += span(c.since_ms, now);
            c.since_ms = now;
        }
    }
}

/// The rule for a suspiciously fast response.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpeedRule {
    /// Flag when the active time per answered question is below this.
    pub min_seconds_per_answer: f64,
    /// Too few answers say nothing about speed: below this count nothing is flagged.
    pub min_answered: usize,
}

impl Default for SpeedRule {
    /// 3 s per answered question, from 5 answers: reading a question and
    /// tapping a choice takes longer than that; 40 s for 30 questions
    /// (1.3 s each) is flagged.
    fn default() -> Self {
        SpeedRule {
            min_seconds_per_answer: 3.0,
            min_answered: 5,
        }
    }
}

/// Why a response looks too fast.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Speeding {
    pub seconds_per_answer: f64,
    pub threshold: f64,
}

/// Flags a completed response whose active time per answered question is
/// below the rule's minimum. A draft (no end time) is never flagged.
pub fn speeding(paradata: &Paradata, answered: usize, rule: SpeedRule) -> Option<Speeding> {
    let active = paradata.active_ms()?;
    if answered == 0 || answered < rule.min_answered {
        return None;
    }
    let seconds_per_answer = active as f64 / 1000.0 / answered as f64;
    (seconds_per_answer < rule.min_seconds_per_answer).then_some(Speeding {
        seconds_per_answer,
        threshold: rule.min_seconds_per_answer,
    })
}

/// The value a change records. A data URL (a drawn signature) is recorded
/// by its length, not its bytes: paradata says when an answer changed, and
/// a signature redrawn ten times would otherwise put ten images into the
/// response's JSON, where the export ZIP keeps images as files.
fn recorded(value: Option<&Value>) -> Option<Value> {
    match value {
        Some(Value::String(s)) if s.starts_with("data:") => {
            Some(Value::String(format!("data:… ({} characters)", s.len())))
        }
        other => other.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_drawn_signature_is_recorded_by_its_length() {
        let mut p = Paradata::start(0);
        let drawn = json!("data:image/png;base64,iVBORw0KGgo=");
        p.change("sign", None, Some(&drawn), false, 10);
        p.change("sign", Some(&drawn), None, false, 20);
        assert_eq!(p.changes[0].new, Some(json!("data:… (34 characters)")));
        assert_eq!(p.changes[1].old, Some(json!("data:… (34 characters)")));
        assert_eq!(p.changes[1].new, None);
    }

    #[test]
    fn time_goes_to_the_question_in_focus_and_pauses_count_for_nothing() {
        let mut p = Paradata::start(1_000);
        p.focus("q1", 2_000);
        p.change("q1", None, Some(&json!("a")), false, 5_000);
        p.focus("q2", 6_000); // q1: 4 s
        p.pause(7_000); // q2: 1 s so far
        p.resume(60_000);
        p.change("q2", None, Some(&json!(3)), false, 62_000); // q2: +2 s
        p.finish(63_000); // q2: +1 s
        assert_eq!(p.time_on["q1"], 4_000);
        assert_eq!(p.time_on["q2"], 4_000);
        assert_eq!(
            p.pauses,
            vec![Pause {
                from_ms: 7_000,
                to_ms: 60_000
            }]
        );
        assert_eq!(p.total_ms(), Some(62_000));
        assert_eq!(p.paused_ms(), 53_000);
        assert_eq!(p.active_ms(), Some(9_000));
        assert_eq!(p.current, None);
    }

    #[test]
    fn changes_record_old_and_new_and_equal_values_record_nothing() {
        let mut p = Paradata::start(0);
        p.change("q1", None, Some(&json!("a")), false, 10);
        p.change("q1", Some(&json!("a")), Some(&json!("a")), false, 20);
        p.change("q1", Some(&json!("a")), Some(&json!("b")), false, 30);
        p.change("q1", Some(&json!("b")), None, false, 40);
        let got: Vec<_> = p
            .changes
            .iter()
            .map(|c| (c.old.clone(), c.new.clone(), c.at_ms))
            .collect();
        assert_eq!(
            got,
            vec![
                (None, Some(json!("a")), 10),
                (Some(json!("a")), Some(json!("b")), 30),
                (Some(json!("b")), None, 40)
            ]
        );
    }

    #[test]
    fn typing_bursts_merge_but_separate_edits_do_not() {
        let mut p = Paradata::start(0);
        p.change("c", None, Some(&json!("v")), true, 100);
        p.change("c", Some(&json!("v")), Some(&json!("ve")), true, 200);
        p.change("c", Some(&json!("ve")), Some(&json!("very")), true, 900);
        p.change(
            "c",
            Some(&json!("very")),
            Some(&json!("very slow")),
            true,
            20_000,
        );
        assert_eq!(p.changes.len(), 2);
        assert_eq!(
            (p.changes[0].old.clone(), p.changes[0].new.clone()),
            (None, Some(json!("very")))
        );
        assert_eq!(p.changes[1].old, Some(json!("very")));
        // Another question in between splits the burst.
        p.change("d", None, Some(&json!(1)), false, 20_100);
        p.change(
            "c",
            Some(&json!("very slow")),
            Some(&json!("very slow!")),
            true,
            20_200,
        );
        assert_eq!(p.changes.len(), 4);
    }

    #[test]
    fn a_clock_going_backwards_never_gives_negative_time() {
        let mut p = Paradata::start(10_000);
        p.focus("q1", 10_000);
        p.focus("q2", 5_000);
        p.pause(4_000);
        p.resume(3_000);
        p.finish(1_000);
        assert_eq!(p.time_on["q1"], 0);
        assert_eq!(p.total_ms(), Some(0));
        assert_eq!(p.active_ms(), Some(0));
    }

    #[test]
    fn pausing_twice_or_resuming_unpaused_changes_nothing() {
        let mut p = Paradata::start(0);
        p.pause(100);
        p.pause(200);
        p.resume(300);
        p.resume(400);
        assert_eq!(
            p.pauses,
            vec![Pause {
                from_ms: 100,
                to_ms: 300
            }]
        );
    }

    #[test]
    fn the_draft_state_survives_serialisation() {
        let mut p = Paradata::start(0);
        p.focus("q1", 1_000);
        p.pause(2_000);
        let mut back: Paradata = serde_json::from_value(serde_json::to_value(&p).unwrap()).unwrap();
        assert_eq!(back, p);
        back.resume(10_000);
        back.finish(11_000);
        assert_eq!(back.time_on["q1"], 2_000);
    }

    #[test]
    fn forty_seconds_for_thirty_questions_is_flagged() {
        let mut p = Paradata::start(0);
        p.finish(40_000);
        let s = speeding(&p, 30, SpeedRule::default()).expect("flagged");
        assert!((s.seconds_per_answer - 40.0 / 30.0).abs() < 1e-12);
        // 30 questions in 2 minutes is 4 s each: fine.
        let mut slow = Paradata::start(0);
        slow.finish(120_000);
        assert_eq!(speeding(&slow, 30, SpeedRule::default()), None);
    }

    #[test]
    fn pauses_do_not_hide_speeding_and_small_or_unfinished_responses_are_not_judged() {
        let mut p = Paradata::start(0);
        p.pause(1_000);
        p.resume(600_000);
        p.finish(610_000); // 11 s active for 10 answers
        assert!(speeding(&p, 10, SpeedRule::default()).is_some());
        assert_eq!(speeding(&p, 4, SpeedRule::default()), None);
        assert_eq!(speeding(&p, 0, SpeedRule::default()), None);
        assert_eq!(
            speeding(&Paradata::start(0), 30, SpeedRule::default()),
            None
        );
    }
}
