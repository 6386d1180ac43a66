//! Prints an expression in canonical form. The output parses back to the
//! same tree (a property test checks it), so expressions can be normalised,
//! stored and shown.

use std::fmt::{self, Write};

use super::value::js_number_string;
use super::{Expr, Literal, UnaryOp, Variable};

/// Binding strength of prefix operators, postfix operators and primaries,
/// above every binary level (see [`super::BinaryOp::precedence`]).
const PREFIX: u8 = 8;
const POSTFIX: u8 = 9;
const PRIMARY: u8 = 10;

fn precedence(expr: &Expr) -> u8 {
    match expr {
        Expr::Binary { op, .. } => op.precedence(),
        Expr::Unary {
            op: UnaryOp::Not | UnaryOp::Neg,
            ..
        } => PREFIX,
        Expr::Unary { .. } => POSTFIX,
        _ => PRIMARY,
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_expr(f, self, 0)
    }
}

/// Writes `expr`, in parentheses when it binds more loosely than `min`.
fn write_expr(out: &mut dyn Write, expr: &Expr, min: u8) -> fmt::Result {
    if precedence(expr) < min {
        out.write_char('(')?;
        write_bare(out, expr)?;
        return out.write_char(')');
    }
    write_bare(out, expr)
}

fn write_bare(out: &mut dyn Write, expr: &Expr) -> fmt::Result {
    match expr {
        Expr::Literal(literal) => write_literal(out, literal),
        Expr::Variable(Variable { name, raw }) => {
            write!(out, "{{{}{name}}}", if *raw { "#" } else { "" })
        }
        Expr::Array(items) => {
            out.write_char('[')?;
            write_list(out, items)?;
            out.write_char(']')
        }
        Expr::Call { function, args } => {
            write!(out, "{}(", function.name())?;
            write_list(out, args)?;
            out.write_char(')')
        }
        Expr::Binary { op, left, right } => {
            let p = op.precedence();
            write_expr(out, left, p)?;
            write!(out, " {} ", op.symbol())?;
            write_expr(out, right, p + 1)
        }
        Expr::Unary {
            op: UnaryOp::Not,
            operand,
        } => {
            out.write_char('!')?;
            write_expr(out, operand, PREFIX)
        }
        Expr::Unary {
            op: UnaryOp::Neg,
            operand,
        } => {
            // `-5` would read back as a negative literal, not a negation.
            let mut text = String::new();
            write_expr(&mut text, operand, PREFIX)?;
            if text.starts_with(|c: char| c.is_ascii_digit()) {
                write!(out, "-({text})")
            } else {
                write!(out, "-{text}")
            }
        }
        Expr::Unary { op, operand } => {
            write_expr(out, operand, POSTFIX)?;
            out.write_str(if *op == UnaryOp::Empty {
                " empty"
            } else {
                " notempty"
            })
        }
    }
}

fn write_list(out: &mut dyn Write, items: &[Expr]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_str(", ")?;
        }
        write_expr(out, item, 0)?;
    }
    Ok(())
}

fn write_literal(out: &mut dyn Write, literal: &Literal) -> fmt::Result {
    match literal {
        Literal::Null => out.write_str("null"),
        Literal::Bool(b) => write!(out, "{b}"),
        Literal::Number(n) => out.write_str(&js_number_string(*n)),
        Literal::String(s) => {
            out.write_char('\'')?;
            for c in s.chars() {
                if c == '\'' || c == '\\' {
                    out.write_char('\\')?;
                }
                out.write_char(c)?;
            }
            out.write_char('\'')
        }
    }
}
