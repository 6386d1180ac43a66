//! Walks the syntax tree. Recursion follows the tree, whose height the
//! parser bounds; a step budget bounds the total work.

use std::cell::Cell;

use super::arith::{self, NumericOp};
use super::compare;
use super::scope::{resolve, Scope};
use super::value::{correct_value, Value};
use super::{builtins, BinaryOp, Expr, Literal, UnaryOp, Variable, MAX_STEPS};

/// Evaluates `expr` in `scope` with a fresh step budget.
pub fn evaluate(expr: &Expr, scope: &dyn Scope) -> Value {
    let steps = Cell::new(0);
    let depth = Cell::new(0);
    let eval = Evaluator {
        scope,
        steps: &steps,
        depth: &depth,
    };
    let value = eval.eval(expr);
    if eval.exhausted() {
        Value::Null
    } else {
        value
    }
}

/// The state of one evaluation: the scope in force (an `…InArray` filter
/// runs in an item's scope) and the shared step counter.
pub struct Evaluator<'a> {
    pub scope: &'a dyn Scope,
    steps: &'a Cell<u64>,
    /// Current recursion depth: parsed trees never come near the guard
    /// ([`MAX_EVAL_DEPTH`]); it protects trees built by hand.
    depth: &'a Cell<usize>,
}

/// Deepest recursion evaluation allows before giving null.
const MAX_EVAL_DEPTH: usize = 2 * super::MAX_DEPTH;

impl<'a> Evaluator<'a> {
    /// An evaluator over another scope sharing this one's budget.
    pub fn with_scope<'b>(&'b self, scope: &'b dyn Scope) -> Evaluator<'b> {
        Evaluator {
            scope,
            steps: self.steps,
            depth: self.depth,
        }
    }

    /// Spends `n` steps; false once the budget is gone.
    pub fn charge(&self, n: u64) -> bool {
        self.steps.set(self.steps.get().saturating_add(n));
        !self.exhausted()
    }

    pub fn exhausted(&self) -> bool {
        self.steps.get() > MAX_STEPS
    }

    pub fn eval(&self, expr: &Expr) -> Value {
        if !self.charge(1) || self.depth.get() >= MAX_EVAL_DEPTH {
            return Value::Null;
        }
        self.depth.set(self.depth.get() + 1);
        let value = self.eval_node(expr);
        self.depth.set(self.depth.get() - 1);
        value
    }

    fn eval_node(&self, expr: &Expr) -> Value {
        match expr {
            Expr::Literal(literal) => literal_value(literal),
            Expr::Variable(variable) => self.variable(variable),
            Expr::Array(items) => Value::Array(items.iter().map(|e| self.eval(e)).collect()),
            Expr::Unary { op, operand } => unary(*op, self.eval(operand)),
            Expr::Binary { op, left, right } => {
                let (l, r) = (self.eval(left), self.eval(right));
                self.binary(*op, l, r)
            }
            Expr::Call { function, args } => builtins::call(self, *function, args),
        }
    }

    /// A variable's value: null when unknown or empty, and (unless written
    /// `{#name}`) a top-level string converted as SurveyJS does.
    fn variable(&self, variable: &Variable) -> Value {
        match resolve(self.scope, &variable.name) {
            None => Value::Null,
            Some(v) if variable.raw => v,
            Some(v) => correct_value(v),
        }
    }

    fn binary(&self, op: BinaryOp, l: Value, r: Value) -> Value {
        use BinaryOp::*;
        // Comparing two arrays pairs their elements: charge the product of
        // their sizes, an upper bound of that work.
        if matches!(
            op,
            Eq | NotEq | Le | Ge | Contains | NotContains | AnyOf | AllOf
        ) && !self.charge(builtins::size(&l).saturating_mul(builtins::size(&r)))
        {
            return Value::Null;
        }
        let numeric = |op: NumericOp, l: Value, r: Value| {
            let l = arith::fill_empty(l, &r);
            let r = arith::fill_empty(r, &l);
            arith::numeric(op, &l, &r)
        };
        let b = Value::Bool;
        match op {
            Or => arith::or(l, r),
            And => arith::and(l, r),
            Eq => b(compare::loose_eq(&l, &r)),
            NotEq => b(!compare::loose_eq(&l, &r)),
            Lt => b(compare::less(&l, &r)),
            Le => b(compare::less_or_equal(&l, &r)),
            Gt => b(compare::less(&r, &l)),
            Ge => b(compare::less_or_equal(&r, &l)),
            Add => {
                let l = arith::fill_empty(l, &r);
                let r = arith::fill_empty(r, &l);
                arith::add(l, r)
            }
            Sub => numeric(NumericOp::Sub, l, r),
            Mul => numeric(NumericOp::Mul, l, r),
            Div => numeric(NumericOp::Div, l, r),
            Mod => numeric(NumericOp::Mod, l, r),
            Pow => numeric(NumericOp::Pow, l, r),
            Contains => b(compare::contains(&l, &r)),
            NotContains => b(compare::not_contains(&l, &r)),
            AnyOf => b(compare::any_of(&l, &r)),
            AllOf => b(compare::all_of(&l, &r)),
        }
    }
}

fn literal_value(literal: &Literal) -> Value {
    match literal {
        Literal::Null => Value::Null,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Number(n) => Value::number(*n),
        Literal::String(s) => Value::String(s.clone()),
    }
}

fn unary(op: UnaryOp, v: Value) -> Value {
    match op {
        UnaryOp::Not => Value::Bool(!v.truthy()),
        UnaryOp::Neg => v.to_number().map_or(Value::Null, |n| Value::number(-n)),
        UnaryOp::Empty => Value::Bool(v.is_empty()),
        UnaryOp::NotEmpty => Value::Bool(!v.is_empty()),
    }
}
