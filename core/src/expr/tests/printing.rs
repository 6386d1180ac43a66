use crate::expr::{BinaryOp, Expr, Literal, UnaryOp};

#[test]
fn canonical_forms() {
    let cases = [
        ("{a}+1", "{a} + 1"),
        ("({a} + 1) * 2", "({a} + 1) * 2"),
        ("{a} + (1 * 2)", "{a} + 1 * 2"),
        ("1 - (2 - 3)", "1 - (2 - 3)"),
        ("(1 - 2) - 3", "1 - 2 - 3"),
        ("2 ^ (3 ^ 2)", "2 ^ (3 ^ 2)"),
        ("!({a} and {b})", "!({a} and {b})"),
        ("not {a} empty", "!{a} empty"),
        ("(!{a}) empty", "(!{a}) empty"),
        ("-(5)", "-(5)"),
        ("-5", "-5"),
        ("- -5", "--5"),
        ("-(5 empty)", "-(5 empty)"),
        ("{q} = yes", "{q} = 'yes'"),
        ("'a\\'b\\\\'", "'a\\'b\\\\'"),
        ("\"say \\\"hi\\\"\"", "'say \"hi\"'"),
        ("SUM(1,2)", "sum(1, 2)"),
        ("suminarray({l},'x')", "sumInArray({l}, 'x')"),
        ("{a} AND {b} Or {c}", "{a} and {b} or {c}"),
        (
            "{a} == 1 && {b} <> 2 || {c} *= 'x'",
            "{a} = 1 and {b} != 2 or {c} contains 'x'",
        ),
        ("{a} equals 1 and {b} notequal 2", "{a} = 1 and {b} != 2"),
        ("1 less 2 or 2 greaterorequal 1", "1 < 2 or 2 >= 1"),
        ("0x1F", "31"),
        ("TRUE", "true"),
        ("undefined", "null"),
        ("{ #q1 }", "{#q1}"),
        ("[ ]", "[]"),
        ("['a',[1,2]]", "['a', [1, 2]]"),
        (
            "sumInArray({l}, 'x', '{p} > 1')",
            "sumInArray({l}, 'x', {p} > 1)",
        ),
        ("{a} contains 'x' = true", "{a} contains 'x' = true"),
        ("({a} = 1) contains 'x'", "({a} = 1) contains 'x'"),
        ("1.50", "1.5"),
        ("0.000001", "0.000001"),
    ];
    for (src, want) in cases {
        let expr = Expr::parse(src).unwrap_or_else(|e| panic!("{src:?}: {e}"));
        assert_eq!(expr.to_string(), want, "{src:?}");
        assert_eq!(Expr::parse(want).as_ref(), Ok(&expr), "{want:?} reads back");
    }
}

#[test]
fn trees_have_the_documented_shape() {
    let lit = |n: f64| Box::new(Expr::Literal(Literal::Number(n)));
    let bin = |op, left, right| Box::new(Expr::Binary { op, left, right });
    // `^` binds tighter than `*` and associates to the left, as in SurveyJS.
    assert_eq!(
        Expr::parse("1 * 2 ^ 3 ^ 4").unwrap(),
        *bin(
            BinaryOp::Mul,
            lit(1.0),
            bin(
                BinaryOp::Pow,
                bin(BinaryOp::Pow, lit(2.0), lit(3.0)),
                lit(4.0)
            )
        )
    );
    // `!` takes only the next operand.
    assert_eq!(
        Expr::parse("!1 = 2").unwrap(),
        *bin(
            BinaryOp::Eq,
            Box::new(Expr::Unary {
                op: UnaryOp::Not,
                operand: lit(1.0)
            }),
            lit(2.0)
        )
    );
    // `-` before a number is a negative literal.
    assert_eq!(
        Expr::parse("-2 ^ 2").unwrap(),
        *bin(BinaryOp::Pow, lit(-2.0), lit(2.0))
    );
}
