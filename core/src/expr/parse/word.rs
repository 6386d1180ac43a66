//! Words in value position: literals, bare-word strings and function
//! calls, including the filter strings of the `…InArray` functions.

use super::super::error::ExprError;
use super::super::lex::{tokenize, Tok};
use super::super::{Expr, Function, Literal, MAX_DEPTH};
use super::{found, Parsed, Parser};

/// Operator keywords: never read as bare-word strings.
const KEYWORDS: &[&str] = &[
    "and",
    "or",
    "not",
    "negate",
    "contains",
    "contain",
    "notcontains",
    "notcontain",
    "anyof",
    "allof",
    "empty",
    "notempty",
    "equal",
    "equals",
    "notequal",
    "notequals",
    "less",
    "greater",
    "lessorequal",
    "greaterorequal",
    "power",
];

impl Parser {
    /// A word in value position: a literal keyword, a function call, or a
    /// bare word, which SurveyJS reads as a string (`{q} = yes`).
    pub(super) fn word(&mut self, word: String, position: usize) -> Result<Parsed, ExprError> {
        let lower = word.to_ascii_lowercase();
        let literal = match (word.as_str(), lower.as_str()) {
            ("null" | "undefined", _) => Some(Literal::Null),
            (_, "true") => Some(Literal::Bool(true)),
            (_, "false") => Some(Literal::Bool(false)),
            _ => None,
        };
        if let Some(literal) = literal {
            return Ok((Expr::Literal(literal), 1));
        }
        if KEYWORDS.contains(&lower.as_str()) {
            return Err(found(position, "a value", &Tok::Word(word)));
        }
        if *self.peek() != Tok::LParen {
            return Ok((Expr::Literal(Literal::String(word)), 1));
        }
        let function = Function::from_name(&word).ok_or(ExprError::UnknownFunction {
            name: word.clone(),
            position,
        })?;
        self.advance();
        let (mut args, positions, mut height) = self.list(Tok::RParen, "',' or ')'")?;
        let found = args.len();
        if found < function.min_args() || function.max_args().is_some_and(|max| found > max) {
            return Err(ExprError::WrongArity {
                function,
                found,
                position,
            });
        }
        if function.takes_item_filter() {
            if let Some(Expr::Literal(Literal::String(src))) = args.get(2) {
                let (filter, h) = self.filter_string(src, positions[2])?;
                height = height.max(h);
                args[2] = filter;
            }
        }
        if height + 1 > MAX_DEPTH {
            return Err(self.too_deep(position));
        }
        Ok((Expr::Call { function, args }, height + 1))
    }

    /// SurveyJS lets the filter of an `…InArray` function be a string
    /// holding the condition (`sumInArray({m}, 'total', '{price} > 0')`); it
    /// is compiled here, once, continuing this parse's depth budget.
    /// Positions inside it are reported from the opening quote (exact when
    /// the string has no escapes).
    fn filter_string(&mut self, src: &str, quote_position: usize) -> Result<Parsed, ExprError> {
        let shift = |err: ExprError| shift_error(err, quote_position + 1);
        let tokens = tokenize(src).map_err(shift)?;
        let mut inner = Parser {
            tokens,
            pos: 0,
            nesting: self.nesting,
        };
        let parsed = inner.expression().map_err(shift)?;
        match inner.peek() {
            Tok::End => Ok(parsed),
            tok => Err(shift(found(
                inner.position(),
                "an operator or the end",
                tok,
            ))),
        }
    }
}

/// Moves an error found inside a filter string to its place in the source.
fn shift_error(err: ExprError, by: usize) -> ExprError {
    match err {
        ExprError::Syntax { position, message } => ExprError::Syntax {
            position: position + by,
            message: format!("in the filter string: {message}"),
        },
        ExprError::UnknownFunction { name, position } => ExprError::UnknownFunction {
            name,
            position: position + by,
        },
        ExprError::WrongArity {
            function,
            found,
            position,
        } => ExprError::WrongArity {
            function,
            found,
            position: position + by,
        },
        ExprError::TooDeep { position, limit } => ExprError::TooDeep {
            position: position + by,
            limit,
        },
        other => other,
    }
}
