//! Conditions of the parts of a repeated template: a `paneldynamic`
//! panel's questions and a matrix row's cells. SurveyJS evaluates them per
//! panel (row) with `{panel.name}` (`{row.name}`) reading that panel's
//! (row's) answers; every other `{name}` reads the survey's answers.

use std::collections::BTreeMap;

use crate::expr::{Date, Expr, ExprError, MapScope};
use crate::response::Answers;
use crate::survey::Value as Json;

/// A part's `visibleIf`, compiled once for all panels or rows.
#[derive(Debug, Clone, PartialEq)]
pub struct PartCondition {
    expr: Expr,
    /// `panel` or `row`: the name the panel's (row's) own answers go by.
    prefix: &'static str,
}

impl PartCondition {
    /// Compiles `source` for parts read as `{prefix.name}`.
    pub fn new(source: &str, prefix: &'static str) -> Result<PartCondition, ExprError> {
        Ok(PartCondition {
            expr: Expr::parse(source)?,
            prefix,
        })
    }

    /// Whether the part is shown in the panel (row) whose answers are
    /// `item` (an object, or nothing yet).
    pub fn holds(&self, item: Option<&Json>, answers: &Answers, today: Date) -> bool {
        let mut own = BTreeMap::new();
        own.insert(
            self.prefix.to_owned(),
            item.cloned().unwrap_or(Json::Object(Default::default())),
        );
        let scope = MapScope::new(&own, today).with(answers);
        self.expr.evaluate_condition(&scope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn panel_names_read_the_panel_and_other_names_the_survey() {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        let mut answers = Answers::new();
        answers.insert("adults".into(), json!(true));
        let c = PartCondition::new("{panel.age} >= 18 and {adults} = true", "panel").unwrap();
        assert!(c.holds(Some(&json!({"age": 30})), &answers, today));
        assert!(!c.holds(Some(&json!({"age": 12})), &answers, today));
        assert!(!c.holds(None, &answers, today));
        answers.insert("adults".into(), json!(false));
        assert!(!c.holds(Some(&json!({"age": 30})), &answers, today));
        let row = PartCondition::new("{row.kind} = 'other'", "row").unwrap();
        assert!(row.holds(Some(&json!({"kind": "other"})), &answers, today));
        assert!(PartCondition::new("{panel.age >", "panel").is_err());
    }
}
