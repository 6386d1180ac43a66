//! The built-in functions: a closed set, named by an enum so that a typo is
//! caught when the expression is parsed, not when it runs.

use std::fmt;

/// A built-in SurveyJS function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Function {
    Iif,
    Sum,
    Avg,
    Min,
    Max,
    Count,
    Round,
    Trunc,
    Age,
    Today,
    CurrentDate,
    CurrentYear,
    Year,
    Month,
    Day,
    Weekday,
    GetDate,
    DateAdd,
    DateDiff,
    DiffDays,
    Substring,
    SumInArray,
    AvgInArray,
    CountInArray,
    MinInArray,
    MaxInArray,
}

/// Every function with its SurveyJS name and the number of arguments it
/// takes (`None`: any number).
const TABLE: &[(Function, &str, usize, Option<usize>)] = &[
    (Function::Iif, "iif", 2, Some(3)),
    (Function::Sum, "sum", 0, None),
    (Function::Avg, "avg", 0, None),
    (Function::Min, "min", 0, None),
    (Function::Max, "max", 0, None),
    (Function::Count, "count", 0, None),
    (Function::Round, "round", 1, Some(2)),
    (Function::Trunc, "trunc", 1, Some(2)),
    (Function::Age, "age", 1, Some(2)),
    (Function::Today, "today", 0, Some(1)),
    (Function::CurrentDate, "currentDate", 0, Some(0)),
    (Function::CurrentYear, "currentYear", 0, Some(0)),
    (Function::Year, "year", 0, Some(1)),
    (Function::Month, "month", 0, Some(1)),
    (Function::Day, "day", 0, Some(1)),
    (Function::Weekday, "weekday", 0, Some(1)),
    (Function::GetDate, "getDate", 1, Some(1)),
    (Function::DateAdd, "dateAdd", 2, Some(3)),
    (Function::DateDiff, "dateDiff", 2, Some(3)),
    (Function::DiffDays, "diffDays", 2, Some(2)),
    (Function::Substring, "substring", 2, Some(3)),
    (Function::SumInArray, "sumInArray", 2, Some(3)),
    (Function::AvgInArray, "avgInArray", 2, Some(3)),
    (Function::CountInArray, "countInArray", 2, Some(3)),
    (Function::MinInArray, "minInArray", 2, Some(3)),
    (Function::MaxInArray, "maxInArray", 2, Some(3)),
];

impl Function {
    /// Every built-in function.
    pub fn all() -> impl Iterator<Item = Function> {
        TABLE.iter().map(|row| row.0)
    }

    /// Looks a function up by name, ignoring case (SurveyJS matches case
    /// exactly; accepting `SUM` as well costs nothing and spares authors a
    /// silent null).
    pub fn from_name(name: &str) -> Option<Function> {
        TABLE
            .iter()
            .find(|row| row.1.eq_ignore_ascii_case(name))
            .map(|row| row.0)
    }

    /// The SurveyJS spelling, e.g. `sumInArray`.
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// Fewest arguments accepted.
    pub fn min_args(self) -> usize {
        self.row().2
    }

    /// Most arguments accepted, `None` when unbounded.
    pub fn max_args(self) -> Option<usize> {
        self.row().3
    }

    /// Whether the function takes a filter condition as its third argument,
    /// evaluated once per array item with that item's fields in scope.
    pub fn takes_item_filter(self) -> bool {
        matches!(
            self,
            Function::SumInArray
                | Function::AvgInArray
                | Function::CountInArray
                | Function::MinInArray
                | Function::MaxInArray
        )
    }

    fn row(self) -> &'static (Function, &'static str, usize, Option<usize>) {
        TABLE
            .iter()
            .find(|row| row.0 == self)
            .expect("every function is in TABLE")
    }

    /// "1 argument", "2 to 3 arguments", "any number of arguments": for
    /// error messages.
    pub fn arity_text(self) -> String {
        let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
        match (self.min_args(), self.max_args()) {
            (_, None) => "any number of arguments".to_string(),
            (min, Some(max)) if min == max => format!("{min} {}", plural(min)),
            (min, Some(max)) => format!("{min} to {max} {}", plural(max)),
        }
    }
}

impl fmt::Display for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_ignore_case() {
        for f in Function::all() {
            assert_eq!(Function::from_name(f.name()), Some(f));
            assert_eq!(Function::from_name(&f.name().to_uppercase()), Some(f));
        }
        assert_eq!(Function::all().count(), 26);
        assert_eq!(Function::from_name("nosuch"), None);
    }

    #[test]
    fn arity_texts() {
        assert_eq!(Function::GetDate.arity_text(), "1 argument");
        assert_eq!(Function::Iif.arity_text(), "2 to 3 arguments");
        assert_eq!(Function::Sum.arity_text(), "any number of arguments");
        assert_eq!(Function::CurrentYear.arity_text(), "0 arguments");
    }
}
