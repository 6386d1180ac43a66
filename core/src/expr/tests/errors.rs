use crate::expr::{Expr, ExprError, Function, MAX_DEPTH, MAX_SOURCE_LEN};

#[track_caller]
fn error(src: &str) -> ExprError {
    match Expr::parse(src) {
        Ok(expr) => panic!("{src:?} parsed as {expr}"),
        Err(e) => e,
    }
}

#[test]
fn syntax_errors_name_the_position() {
    let cases = [
        ("{a} + (1", "at 8: expected ')', found end of input"),
        ("1 +", "at 3: expected a value, found end of input"),
        (
            "1 2",
            "at 2: expected an operator or the end, found number 2",
        ),
        ("'abc", "at 0: unterminated string"),
        ("{abc", "at 0: unterminated variable: expected '}'"),
        ("{}", "at 0: empty variable name"),
        ("{a{b}}", "at 2: '{' inside a variable name"),
        ("a}", "at 1: '}' without a matching '{'"),
        ("{a} and", "at 7: expected a value, found end of input"),
        ("and", "at 0: expected a value, found 'and'"),
        ("{a} = empty", "at 6: expected a value, found 'empty'"),
        ("1 @ 2", "at 2: unexpected character '@'"),
        ("1.", "at 1: expected digits after the decimal point"),
        (".5", "at 0: unexpected character '.'"),
        ("0x", "at 0: expected hexadecimal digits after '0x'"),
        ("[1, 2", "at 5: expected ',' or ']', found end of input"),
        ("[1,]", "at 3: expected a value, found ']'"),
        ("sum(1 2)", "at 6: expected ',' or ')', found number 2"),
        ("()", "at 1: expected a value, found ')'"),
        ("'世' + @", "at 6: unexpected character '@'"),
        ("世界", "at 0: unexpected character '世'"),
        (
            "{a} contains",
            "at 12: expected a value, found end of input",
        ),
        ("1 = = 2", "at 4: expected a value, found '='"),
        (
            "sumInArray({l}, 'x', '{p} >')",
            "at 27: in the filter string: expected a value, found end of input",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(error(src).to_string(), want, "{src:?}");
    }
}

#[test]
fn unknown_functions_and_arity() {
    assert_eq!(
        error("foo(1)"),
        ExprError::UnknownFunction {
            name: "foo".into(),
            position: 0
        }
    );
    assert_eq!(
        error("1 + isContainerReady('p')").to_string(),
        "at 4: unknown function \"isContainerReady\""
    );
    assert_eq!(
        error("iif(1)"),
        ExprError::WrongArity {
            function: Function::Iif,
            found: 1,
            position: 0
        }
    );
    assert_eq!(
        error("iif(1)").to_string(),
        "at 0: iif() takes 2 to 3 arguments, not 1"
    );
    assert_eq!(
        error("x + currentYear(1)").to_string(),
        "at 4: currentYear() takes 0 arguments, not 1"
    );
    assert_eq!(
        error("getDate()").to_string(),
        "at 0: getDate() takes 1 argument, not 0"
    );
    assert_eq!(
        error("sumInArray({l}, 'x', 'nosuch(1)')"),
        ExprError::UnknownFunction {
            name: "nosuch".into(),
            position: 22
        }
    );
}

#[test]
fn limits_are_errors_not_crashes() {
    let long = "1 + ".repeat(MAX_SOURCE_LEN / 4) + "1";
    assert_eq!(
        error(&long),
        ExprError::TooLong {
            length: long.len(),
            limit: MAX_SOURCE_LEN
        }
    );
    assert_eq!(
        error(&"9".repeat(400)).to_string(),
        "at 0: number too large"
    );
    assert_eq!(
        error("0xffffffffffffffffffffffffffffffffff").to_string(),
        "at 0: number too large"
    );

    let deep =
        |open: &str, close: &str, n: usize| format!("{}1{}", open.repeat(n), close.repeat(n));
    for (open, close) in [
        ("(", ")"),
        ("[", "]"),
        ("sum(", ")"),
        ("!", ""),
        ("-", ""),
        ("not ", ""),
    ] {
        let limit = (1..=MAX_DEPTH + 1)
            .find(|&n| Expr::parse(&deep(open, close, n)).is_err())
            .unwrap_or_else(|| panic!("{open}…{close} nested {} deep parses", MAX_DEPTH + 1));
        assert!(
            limit > MAX_DEPTH - 3,
            "{open}…{close}: only {limit} levels allowed"
        );
        assert!(matches!(
            error(&deep(open, close, limit)),
            ExprError::TooDeep {
                limit: MAX_DEPTH,
                ..
            }
        ));
        // Far past the limit is the same error, never a stack overflow.
        assert!(matches!(
            error(&deep(open, close, 3000)),
            ExprError::TooDeep { .. }
        ));
    }
    let chain = |op: &str, n: usize| vec!["1"; n].join(op);
    for op in [" + ", " or ", " ^ ", " contains ", " = "] {
        assert!(
            Expr::parse(&chain(op, MAX_DEPTH)).is_ok(),
            "{op} chain of {MAX_DEPTH}"
        );
        assert!(
            matches!(error(&chain(op, MAX_DEPTH + 1)), ExprError::TooDeep { .. }),
            "{op}"
        );
        assert!(
            matches!(error(&chain(op, 1200)), ExprError::TooDeep { .. }),
            "{op}"
        );
    }
    assert!(matches!(
        error(&format!("1{}", " empty".repeat(MAX_DEPTH + 1))),
        ExprError::TooDeep { .. }
    ));
    // Filter strings continue the depth budget of the call around them.
    let filter = format!("sumInArray({{l}}, 'x', '{}')", deep("(", ")", MAX_DEPTH));
    assert!(matches!(error(&filter), ExprError::TooDeep { .. }));
}
