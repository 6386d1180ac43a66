//! Recursive-descent parser with bounded depth.

use super::error::ExprError;
use super::lex::{tokenize, Tok, Token};
use super::{BinaryOp, Expr, Function, Literal, UnaryOp, Variable, MAX_DEPTH, MAX_SOURCE_LEN};

/// Parses a whole expression.
pub fn parse(src: &str) -> Result<Expr, ExprError> {
    if src.len() > MAX_SOURCE_LEN {
        return Err(ExprError::TooLong { length: src.len(), limit: MAX_SOURCE_LEN });
    }
    let tokens = tokenize(src)?;
    let mut parser = Parser { tokens, pos: 0, nesting: 0 };
    let (expr, _) = parser.expression()?;
    match parser.peek() {
        Tok::End => Ok(expr),
        tok => Err(found(parser.position(), "an operator or the end", tok)),
    }
}

/// A parsed subtree and its height (1 for a leaf), tracked so that the tree
/// never grows deeper than [`MAX_DEPTH`] — without walking it recursively.
type Parsed = (Expr, usize);

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    nesting: usize,
}

/// Operator keywords: never read as bare-word strings.
const KEYWORDS: &[&str] = &[
    "and", "or", "not", "negate", "contains", "contain", "notcontains", "notcontain", "anyof",
    "allof", "empty", "notempty", "equal", "equals", "notequal", "notequals", "less", "greater",
    "lessorequal", "greaterorequal", "power",
];

/// The binary operator a token stands for, if any, and its precedence
/// ([`BinaryOp::precedence`]).
fn binary_op(tok: &Tok) -> Option<BinaryOp> {
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
    WORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|(_, op)| *op)
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
        ExprError::TooDeep { position, limit: MAX_DEPTH }
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
            left = Expr::Binary { op, left: Box::new(left), right: Box::new(right) };
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
                let Tok::Number(n) = self.advance() else { unreachable!("checked above") };
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
        Ok((Expr::Unary { op, operand: Box::new(operand) }, height + 1))
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
            expr = Expr::Unary { op, operand: Box::new(expr) };
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

    /// A word in value position: a literal keyword, a function call, or a
    /// bare word, which SurveyJS reads as a string (`{q} = yes`).
    fn word(&mut self, word: String, position: usize) -> Result<Parsed, ExprError> {
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
        let function =
            Function::from_name(&word).ok_or(ExprError::UnknownFunction { name: word.clone(), position })?;
        self.advance();
        let (mut args, positions, mut height) = self.list(Tok::RParen, "',' or ')'")?;
        let found = args.len();
        if found < function.min_args() || function.max_args().is_some_and(|max| found > max) {
            return Err(ExprError::WrongArity { function, found, position });
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
        let mut inner = Parser { tokens, pos: 0, nesting: self.nesting };
        let parsed = inner.expression().map_err(shift)?;
        match inner.peek() {
            Tok::End => Ok(parsed),
            tok => Err(shift(found(inner.position(), "an operator or the end", tok))),
        }
    }

    /// Comma-separated expressions up to `close`; returns them, where each
    /// starts, and the greatest height among them.
    fn list(&mut self, close: Tok, close_text: &str) -> Result<(Vec<Expr>, Vec<usize>, usize), ExprError> {
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

/// Moves an error found inside a filter string to its place in the source.
fn shift_error(err: ExprError, by: usize) -> ExprError {
    match err {
        ExprError::Syntax { position, message } => {
            ExprError::Syntax { position: position + by, message: format!("in the filter string: {message}") }
        }
        ExprError::UnknownFunction { name, position } => ExprError::UnknownFunction { name, position: position + by },
        ExprError::WrongArity { function, found, position } => {
            ExprError::WrongArity { function, found, position: position + by }
        }
        ExprError::TooDeep { position, limit } => ExprError::TooDeep { position: position + by, limit },
        other => other,
    }
}

/// "expected …, found …", built out of line: formatting in the recursive
/// functions would enlarge every stack frame of the descent.
#[cold]
#[inline(never)]
fn found(position: usize, expected: &str, tok: &Tok) -> ExprError {
    ExprError::Syntax { position, message: format!("expected {expected}, found {}", tok.describe()) }
}
