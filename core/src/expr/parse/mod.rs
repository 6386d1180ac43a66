//! Recursive-descent parser with bounded depth.

mod ops;
mod word;

use super::error::ExprError;
use super::lex::{tokenize, Tok, Token};
use super::{Expr, Literal, UnaryOp, Variable, MAX_DEPTH, MAX_SOURCE_LEN};
use ops::binary_op;

/// Parses a whole expression.
pub fn parse(src: &str) -> Result<Expr, ExprError> {
    if src.len() > MAX_SOURCE_LEN {
        return Err(ExprError::TooLong {
            length: src.len(),
            limit: MAX_SOURCE_LEN,
        });
    }
    let tokens = tokenize(src)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        nesting: 0,
    };
    let (expr, _) = parser.expression()?;
    match parser.peek() {
        Tok::End => Ok(expr),
        tok => Err(found(parser.position(), "an operator or the end", tok)),
    }
}

/// A parsed subtree and its height (1 for a leaf), tracked so that the tree
/// never grows deeper than [`MAX_DEPTH`] — without walking it recursively.
type Parsed = (Expr, usize);

pub(super) struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    nesting: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos].kind
    }

    fn peek_at(&self, offset: usize) -> &Tok {
        let i = (self.pos + offset).min(self.tokens.len() - 1);
        &self.tokens[i].kind
    }

    fn position(&self) -> usize {
        self.tokens[self.pos].position
    }

    fn advance(&mut self) -> Tok {
        let tok = self.tokens[self.pos].kind.clone();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        tok
    }

    fn too_deep(&self, position: usize) -> ExprError {
        ExprError::TooDeep {
            position,
            limit: MAX_DEPTH,
        }
    }

    fn peek_is(&self, words: &[&str]) -> bool {
        matches!(self.peek(), Tok::Word(w) if words.iter().any(|k| w.eq_ignore_ascii_case(k)))
    }

    /// Enters a nested construct (brackets, a prefix operator): the guard
    /// that bounds the parser's own recursion.
    fn enter(&mut self) -> Result<(), ExprError> {
        self.nesting += 1;
        if self.nesting > MAX_DEPTH {
            return Err(self.too_deep(self.position()));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting -= 1;
    }

    fn expression(&mut self) -> Result<Parsed, ExprError> {
        self.enter()?;
        let result = self.binary(0);
        self.leave();
        result
    }

    /// Precedence climbing: operands joined by operators binding at least
    /// as tightly as `min`, each level associating to the left. Chains are
    /// built in a loop; recursion only steps up a precedence level.
    fn binary(&mut self, min: u8) -> Result<Parsed, ExprError> {
        let (mut left, mut height) = self.unary()?;
        while let Some(op) = binary_op(self.peek()).filter(|op| op.precedence() >= min) {
            let position = self.position();
            self.advance();
            let (right, right_height) = self.binary(op.precedence() + 1)?;
            height = 1 + height.max(right_height);
            if height > MAX_DEPTH {
                return Err(self.too_deep(position));
            }
            left = Expr::Binary {
                op,
                left: Box::new(left),
                right: Box::new(right),
            };
        }
        Ok((left, height))
    }

    /// Prefix `!`/`not`/`negate` and `-`; `-` before a number is part of a
    /// negative literal, as in SurveyJS.
    fn unary(&mut self) -> Result<Parsed, ExprError> {
        let op = match self.peek() {
            Tok::Bang => UnaryOp::Not,
            _ if self.peek_is(&["not", "negate"]) => UnaryOp::Not,
            Tok::Minus if matches!(self.peek_at(1), Tok::Number(_)) => {
                self.advance();
                let Tok::Number(n) = self.advance() else {
                    unreachable!("checked above")
                };
                return self.postfix((Expr::Literal(Literal::Number(-n)), 1));
            }
            Tok::Minus => UnaryOp::Neg,
            _ => {
                let primary = self.primary()?;
                return self.postfix(primary);
            }
        };
        let position = self.position();
        self.advance();
        self.enter()?;
        let operand = self.unary();
        self.leave();
        let (operand, height) = operand?;
        if height + 1 > MAX_DEPTH {
            return Err(self.too_deep(position));
        }
        Ok((
            Expr::Unary {
                op,
                operand: Box::new(operand),
            },
            height + 1,
        ))
    }

    /// Postfix `empty` / `notempty`.
    fn postfix(&mut self, (mut expr, mut height): Parsed) -> Result<Parsed, ExprError> {
        loop {
            let op = if self.peek_is(&["empty"]) {
                UnaryOp::Empty
            } else if self.peek_is(&["notempty"]) {
                UnaryOp::NotEmpty
            } else {
                return Ok((expr, height));
            };
            let position = self.position();
            self.advance();
            height += 1;
            if height > MAX_DEPTH {
                return Err(self.too_deep(position));
            }
            expr = Expr::Unary {
                op,
                operand: Box::new(expr),
            };
        }
    }

    fn primary(&mut self) -> Result<Parsed, ExprError> {
        let position = self.position();
        match self.advance() {
            Tok::Number(n) => Ok((Expr::Literal(Literal::Number(n)), 1)),
            Tok::Str(s) => Ok((Expr::Literal(Literal::String(s)), 1)),
            Tok::Var { name, raw } => Ok((Expr::Variable(Variable { name, raw }), 1)),
            Tok::LParen => {
                let inner = self.expression()?;
                self.expect(Tok::RParen, "')'")?;
                Ok(inner)
            }
            Tok::LBracket => {
                let (items, _, height) = self.list(Tok::RBracket, "',' or ']'")?;
                Ok((Expr::Array(items), height + 1))
            }
            Tok::Word(word) => self.word(word, position),
            tok => Err(found(position, "a value", &tok)),
        }
    }

    /// Comma-separated expressions up to `close`; returns them, where each
    /// starts, and the greatest height among them.
    fn list(
        &mut self,
        close: Tok,
        close_text: &str,
    ) -> Result<(Vec<Expr>, Vec<usize>, usize), ExprError> {
        let mut items = Vec::new();
        let mut positions = Vec::new();
        let mut height = 0;
        if *self.peek() == close {
            self.advance();
            return Ok((items, positions, height));
        }
        loop {
            positions.push(self.position());
            let (item, h) = self.expression()?;
            items.push(item);
            height = height.max(h);
            if height + 1 > MAX_DEPTH {
                return Err(self.too_deep(self.position()));
            }
            match self.peek() {
                Tok::Comma => {
                    self.advance();
                }
                tok if *tok == close => {
                    self.advance();
                    return Ok((items, positions, height));
                }
                tok => return Err(found(self.position(), close_text, tok)),
            }
        }
    }

    fn expect(&mut self, tok: Tok, text: &str) -> Result<(), ExprError> {
        if *self.peek() == tok {
            self.advance();
            Ok(())
        } else {
            Err(found(self.position(), text, self.peek()))
        }
    }
}

/// "expected …, found …", built out of line: formatting in the recursive
/// functions would enlarge every stack frame of the descent.
#[cold]
#[inline(never)]
fn found(position: usize, expected: &str, tok: &Tok) -> ExprError {
    ExprError::Syntax {
        position,
        message: format!("expected {expected}, found {}", tok.describe()),
    }
}
