//! Why an expression could not be compiled.

use super::function::Function;

/// An expression that cannot be compiled. Positions count characters (not
/// bytes) from 0 at the start of the source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExprError {
    /// The text is not an expression, e.g. `at 7: expected ')' but found end of input`.
    #[error("at {position}: {message}")]
    Syntax { position: usize, message: String },
    /// A call to a function that is not built in.
    #[error("at {position}: unknown function {name:?}")]
    UnknownFunction { name: String, position: usize },
    /// A call with too few or too many arguments.
    #[error("at {position}: {function}() takes {expected}, not {found}", expected = function.arity_text())]
    WrongArity {
        function: Function,
        found: usize,
        position: usize,
    },
    /// Brackets or operators nested beyond [`super::MAX_DEPTH`] levels; the
    /// limit keeps parsing and evaluation from exhausting the stack.
    #[error("at {position}: expression nests deeper than {limit} levels")]
    TooDeep { position: usize, limit: usize },
    /// The source is longer than [`super::MAX_SOURCE_LEN`] bytes.
    #[error("expression is {length} bytes long; the limit is {limit}")]
    TooLong { length: usize, limit: usize },
}

impl ExprError {
    /// The character position the error points at, if any.
    pub fn position(&self) -> Option<usize> {
        match self {
            ExprError::Syntax { position, .. }
            | ExprError::UnknownFunction { position, .. }
            | ExprError::WrongArity { position, .. }
            | ExprError::TooDeep { position, .. } => Some(*position),
            ExprError::TooLong { .. } => None,
        }
    }
}
