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
        tok => Err(parser.error(format!("expected an operator or the end, found {}", tok.describe()))),
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

/// The binary operator levels, loosest first.
const LEVELS: usize = 7;

fn binary_op(level: usize, tok: &Tok) -> Option<BinaryOp> {
    use BinaryOp::*;
    let word = match tok {
        Tok::Word(w) => w.to_ascii_lowercase(),
        _ => String::new(),
    };
    let op = match (level, tok, word.as_str()) {
        (0, Tok::OrOr, _) | (0, _, "or") => Or,
        (1, Tok::AndAnd, _) | (1, _, "and") => And,
        (2, Tok::Eq, _) | (2, _, "equal" | "equals") => Eq,
        (2, Tok::NotEq, _) | (2, _, "notequal" | "notequals") => NotEq,
        (2, Tok::Lt, _) | (2, _, "less") => Lt,
        (2, Tok::Le, _) | (2, _, "lessorequal") => Le,
        (2, Tok::Gt, _) | (2, _, "greater") => Gt,
        (2, Tok::Ge, _) | (2, _, "greaterorequal") => Ge,
        (3, Tok::Plus, _) => Add,
        (3, Tok::Minus, _) => Sub,
        (4, Tok::Star, _) => Mul,
        (4, Tok::Slash, _) => Div,
        (4, Tok::Percent, _) => Mod,
        (5, Tok::Caret, _) | (5, _, "power") => Pow,
        (6, Tok::StarEq, _) | (6, _, "contains" | "contain") => Contains,
        (6, _, "notcontains" | "notcontain") => NotContains,
        (6, _, "anyof") => AnyOf,
        (6, _, "allof") => AllOf,
        _ => return None,
    };
    Some(op)
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

    fn error(&self, message: String) -> ExprError {
        ExprError::Syntax { position: self.position(), message }
    }

    fn too_deep(&self, position: usize) -> ExprError {
        ExprError::TooDeep { position, limit: MAX_DEPTH }
    }

    fn peek_word(&self) -> Option<String> {
        match self.peek() {
            Tok::Word(w) => Some(w.to_ascii_lowercase()),
            _ => None,
        }
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

    /// One precedence level: a left-associative chain of operands from the
    /// next level, built in a loop.
    fn binary(&mut self, level: usize) -> Result<Parsed, ExprError> {
        let (mut left, mut height) = self.operand(level)?;
        while let Some(op) = binary_op(level, self.peek()) {
            let position = self.position();
            self.advance();
            let (right, right_height) = self.operand(level)?;
            height = 1 + height.max(right_height);
            if height > MAX_DEPTH {
                return Err(self.too_deep(position));
            }
            left = Expr::Binary { op, left: Box::new(left), right: Box::new(right) };
        }
        Ok((left, height))
    }

    fn operand(&mut self, level: usize) -> Result<Parsed, ExprError> {
        if level + 1 < LEVELS {
            self.binary(level + 1)
        } else {
            self.unary()
        }
    }

    /// Prefix `!`/`not`/`negate` and `-`; `-` before a number is part of a
    /// negative literal, as in SurveyJS.
    fn unary(&mut self) -> Result<Parsed, ExprError> {
        let op = match (self.peek(), self.peek_word().as_deref()) {
            (Tok::Bang, _) | (_, Some("not" | "negate")) => UnaryOp::Not,
            (Tok::Minus, _) if matches!(self.peek_at(1), Tok::Number(_)) => {
                self.advance();
                let Tok::Number(n) = self.advance() else { unreachable!("checked above") };
                return self.postfix((Expr::Literal(Literal::Number(-n)), 1));
            }
            (Tok::Minus, _) => UnaryOp::Neg,
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
            let op = match self.peek_word().as_deref() {
                Some("empty") => UnaryOp::Empty,
                Some("notempty") => UnaryOp::NotEmpty,
                _ => return Ok((expr, height)),
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
                let (items, _, height) = self.list(Tok::RBracket, "']'")?;
                Ok((Expr::Array(items), height + 1))
            }
            Tok::Word(word) => self.word(word, position),
            tok => Err(ExprError::Syntax { position, message: format!("expected a value, found {}", tok.describe()) }),
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
            return Err(ExprError::Syntax { position, message: format!("expected a value, found '{word}'") });
        }
        if *self.peek() != Tok::LParen {
            return Ok((Expr::Literal(Literal::String(word)), 1));
        }
        let function =
            Function::from_name(&word).ok_or(ExprError::UnknownFunction { name: word.clone(), position })?;
        self.advance();
        let (mut args, positions, mut height) = self.list(Tok::RParen, "')'")?;
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
            tok => Err(shift(inner.error(format!("expected an operator or the end, found {}", tok.describe())))),
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
                tok => return Err(self.error(format!("expected ',' or {close_text}, found {}", tok.describe()))),
            }
        }
    }

    fn expect(&mut self, tok: Tok, text: &str) -> Result<(), ExprError> {
        if *self.peek() == tok {
            self.advance();
            Ok(())
        } else {
            Err(self.error(format!("expected {text}, found {}", self.peek().describe())))
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
