//! Which tokens are binary operators.

use super::super::lex::Tok;
use super::super::BinaryOp;

/// The binary operator a token stands for, if any, and its precedence
/// ([`BinaryOp::precedence`]).
pub(super) fn binary_op(tok: &Tok) -> Option<BinaryOp> {
    use BinaryOp::*;
    let op = match tok {
        Tok::OrOr => Or,
        Tok::AndAnd => And,
        Tok::Eq => Eq,
        Tok::NotEq => NotEq,
        Tok::Lt => Lt,
        Tok::Le => Le,
        Tok::Gt => Gt,
        Tok::Ge => Ge,
        Tok::Plus => Add,
        Tok::Minus => Sub,
        Tok::Star => Mul,
        Tok::Slash => Div,
        Tok::Percent => Mod,
        Tok::Caret => Pow,
        Tok::StarEq => Contains,
        Tok::Word(w) => return word_op(w),
        _ => return None,
    };
    Some(op)
}

fn word_op(word: &str) -> Option<BinaryOp> {
    use BinaryOp::*;
    const WORDS: &[(&str, BinaryOp)] = &[
        ("or", Or),
        ("and", And),
        ("equal", Eq),
        ("equals", Eq),
        ("notequal", NotEq),
        ("notequals", NotEq),
        ("less", Lt),
        ("lessorequal", Le),
        ("greater", Gt),
        ("greaterorequal", Ge),
        ("power", Pow),
        ("contains", Contains),
        ("contain", Contains),
        ("notcontains", NotContains),
        ("notcontain", NotContains),
        ("anyof", AnyOf),
        ("allof", AllOf),
    ];
    WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, op)| *op)
}
