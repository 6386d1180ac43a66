//! The SurveyJS expression language: `visibleIf`, `enableIf`, `requiredIf`,
//! calculated values and follow-up conditions.
//!
//! Compile once, run many: [`Expr::parse`] turns source into a typed syntax
//! tree (or an [`ExprError`] naming the position), and
//! [`Expr::evaluate`] runs it against a [`Scope`] holding the answers and
//! today's date. Evaluation never fails — like SurveyJS, a meaningless
//! operation gives null — never panics, and is bounded: source length,
//! nesting depth and evaluation steps all have limits, so no input can
//! exhaust the stack or run for long. `docs/EXPRESSIONS.md` lists every rule
//! and where it differs from SurveyJS.
//!
//! ```
//! use std::collections::BTreeMap;
//! use canvass_core::expr::{Date, Expr, MapScope, Value};
//!
//! let expr = Expr::parse("{q1} >= 4 and {m.r1} anyof ['a', 'b']").unwrap();
//! let answers: BTreeMap<String, serde_json::Value> =
//!     serde_json::from_str(r#"{"q1": "5", "m": {"r1": "b"}}"#).unwrap();
//! let scope = MapScope::new(&answers, Date::parse("2026-11-23").unwrap());
//! assert_eq!(expr.evaluate(&scope), Value::Bool(true));
//! assert!(expr.evaluate_condition(&scope));
//! assert_eq!(expr.variables(), ["q1", "m.r1"]);
//! ```

mod arith;
mod builtins;
mod compare;
mod date;
mod display;
mod error;
mod eval;
mod function;
mod lex;
mod number;
mod parse;
mod scope;
mod value;

#[cfg(test)]
mod tests;

pub use date::{Date, DateParseError};
pub use error::ExprError;
pub use function::Function;
pub use scope::{MapScope, Scope};
pub(crate) use scope::cut_points;
pub use value::Value;

/// Longest accepted source, in bytes. Real conditions are a few hundred.
pub const MAX_SOURCE_LEN: usize = 16 * 1024;

/// Deepest accepted nesting: of brackets, of prefix operators, and of the
/// syntax tree itself (a chain `a or b or c …` nests one level per
/// operator). Parsing and evaluation recurse at most this deep.
pub const MAX_DEPTH: usize = 100;

/// Most steps (syntax-tree nodes visited, plus element comparisons) one
/// evaluation may take; past it the result is null. Only expressions built
/// to be slow (array functions nested in each other's filters over large
/// answers) come near.
pub const MAX_STEPS: u64 = 1_000_000;

/// A compiled expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// `12`, `'text'`, `true`, `null`.
    Literal(Literal),
    /// `{name}`, `{matrix.row}`, `{list[0]}`.
    Variable(Variable),
    /// `['a', 'b']`.
    Array(Vec<Expr>),
    /// `!x`, `-x`, `x empty`, `x notempty`.
    Unary { op: UnaryOp, operand: Box<Expr> },
    /// `a + b`, `a = b`, `a contains b`, …
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `sum(a, b)`.
    Call { function: Function, args: Vec<Expr> },
}

/// A constant written in the source.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Null,
    Bool(bool),
    /// Always finite.
    Number(f64),
    String(String),
}

/// A reference to a value in the scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    /// The path as written between the braces, trimmed: `q1`, `m.r1`, `l[0]`.
    pub name: String,
    /// Written `{#name}`: use the stored value as it is, without SurveyJS's
    /// conversion of numeric and boolean strings.
    pub raw: bool,
}

/// A prefix or postfix operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UnaryOp {
    /// `!x`, `not x`, `negate x`.
    Not,
    /// `-x` (a Canvass addition: SurveyJS only has negative number literals).
    Neg,
    /// `x empty`.
    Empty,
    /// `x notempty`.
    NotEmpty,
}

/// An infix operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BinaryOp {
    Or,
    And,
    Eq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Contains,
    NotContains,
    AnyOf,
    AllOf,
}

impl BinaryOp {
    /// Binding strength, loosest first, as in SurveyJS's grammar: `or` <
    /// `and` < comparisons < `+ -` < `* / %` < `^` < `contains`-family.
    /// Every level associates to the left.
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Or => 1,
            And => 2,
            Eq | NotEq | Lt | Le | Gt | Ge => 3,
            Add | Sub => 4,
            Mul | Div | Mod => 5,
            Pow => 6,
            Contains | NotContains | AnyOf | AllOf => 7,
        }
    }

    /// The canonical spelling, used when printing.
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Or => "or",
            And => "and",
            Eq => "=",
            NotEq => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Mod => "%",
            Pow => "^",
            Contains => "contains",
            NotContains => "notcontains",
            AnyOf => "anyof",
            AllOf => "allof",
        }
    }
}

impl Expr {
    /// Compiles source text.
    pub fn parse(src: &str) -> Result<Expr, ExprError> {
        parse::parse(src)
    }

    /// Runs the expression. Unknown variables are null; see the module docs
    /// for the guarantees.
    pub fn evaluate(&self, scope: &dyn Scope) -> Value {
        eval::evaluate(self, scope)
    }

    /// Runs the expression as a condition (`visibleIf` and the like): true
    /// exactly when SurveyJS's `ConditionRunner` would say so
    /// ([`Value::is_true`]).
    pub fn evaluate_condition(&self, scope: &dyn Scope) -> bool {
        self.evaluate(scope).is_true()
    }

    /// The variables the expression reads, each once, in order of first
    /// appearance, as written (`m.r1`, `list[0]`): for dependency graphs and
    /// unknown-name checks. Names inside the filter of an `…InArray`
    /// function are left out: they name fields of the array's items.
    pub fn variables(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_variables(&mut out);
        out
    }

    fn collect_variables<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Literal(_) => {}
            Expr::Variable(v) => {
                if !out.contains(&v.name.as_str()) {
                    out.push(&v.name);
                }
            }
            Expr::Array(items) => items.iter().for_each(|e| e.collect_variables(out)),
            Expr::Unary { operand, .. } => operand.collect_variables(out),
            Expr::Binary { left, right, .. } => {
                left.collect_variables(out);
                right.collect_variables(out);
            }
            Expr::Call { function, args } => {
                let n = if function.takes_item_filter() {
                    2
                } else {
                    args.len()
                };
                args.iter().take(n).for_each(|e| e.collect_variables(out));
            }
        }
    }
}

impl std::str::FromStr for Expr {
    type Err = ExprError;
    fn from_str(s: &str) -> Result<Expr, ExprError> {
        Expr::parse(s)
    }
}
