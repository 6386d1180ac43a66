//! Why a survey's logic does not compile. Every message starts with the
//! place and the property: `pages[0].elements[2] "q3".visibleIf: at 7:
//! expected ')', found end of input`.

use crate::expr::ExprError;

/// A logic error found when the survey is loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LogicError {
    /// An expression that does not compile (syntax, unknown function,
    /// wrong number of arguments, too deep or too long).
    #[error("{place}.{property}: {error}")]
    Expression {
        place: String,
        property: String,
        error: ExprError,
    },

    /// A `{name}` (in an expression or a text) that names no question,
    /// calculated value or special variable.
    #[error("{place}.{property}: unknown variable {{{name}}}")]
    UnknownVariable {
        place: String,
        property: String,
        name: String,
    },

    /// A `{matrix.row}` naming a row the matrix does not have.
    #[error("{place}.{property}: {{{name}}}: matrix {matrix:?} has no row {row:?}")]
    UnknownRow {
        place: String,
        property: String,
        name: String,
        matrix: String,
        row: String,
    },

    /// A `regex` validator whose pattern does not compile.
    #[error("{place}.regex: invalid regular expression: {message}")]
    Regex { place: String, message: String },

    /// Values that depend on themselves: `chain` lists the expressions and
    /// `{values}` in reading order, back to the first.
    #[error("{place}: cyclic dependency: {}", chain.join(" → "))]
    Cycle { place: String, chain: Vec<String> },
}

impl LogicError {
    /// The element the error is about (`pages[0].elements[2] "q3"`,
    /// `calculatedValues[1] "total"`), without the property.
    pub fn place(&self) -> &str {
        match self {
            LogicError::Expression { place, .. }
            | LogicError::UnknownVariable { place, .. }
            | LogicError::UnknownRow { place, .. }
            | LogicError::Regex { place, .. }
            | LogicError::Cycle { place, .. } => place,
        }
    }
}
