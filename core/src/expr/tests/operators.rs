use super::check_table;

#[test]
fn arithmetic() {
    check_table(&[
        ("1 + 2", "3"),
        ("0.1 + 0.2", "0.3"),
        ("0.3 - 0.1", "0.2"),
        ("1.1 * 3", "3.3"),
        ("7 / 2", "3.5"),
        ("7 % 3", "1"),
        ("-7 % 3", "-1"),
        ("2 ^ 10", "1024"),
        ("2 power 3", "8"),
        ("2 ^ 3 ^ 2", "64"),
        ("2 + 3 * 4", "14"),
        ("(2 + 3) * 4", "20"),
        ("2 * 3 ^ 2", "18"),
        ("10 - 2 - 3", "5"),
        ("12 / 2 / 3", "2"),
        ("1 / 0", "null"),
        ("5 % 0", "null"),
        ("0 / 5", "0"),
        ("10 ^ 400", "null"),
        ("(0 - 8) ^ 0.5", "null"),
        ("0x1F + 1", "32"),
        // Canvass: unary minus on any operand (SurveyJS: literals only).
        ("-{n5}", "-5"),
        ("- -5", "5"),
        ("2 - -3", "5"),
        ("-{str}", "null"),
    ]);
}

#[test]
fn arithmetic_mixed_types() {
    check_table(&[
        ("{s5} + 1", "6"),
        ("{s5} * 2", "10"),
        ("'5' + 1", r#""51""#),
        ("1 + '5'", r#""15""#),
        ("'a' + 1", r#""a1""#),
        ("'3' * '4'", "12"),
        ("'abc' * 2", "null"),
        ("{str} + ' ' + {Name}", r#""abc Ann""#),
        ("{missing} + 1", "1"),
        ("{missing} * 3", "0"),
        ("{missing} + 'x'", r#""x""#),
        ("'x' + {missing}", r#""x""#),
        ("{missing} + {missing}", "0"),
        ("{empty} + 2", "2"),
        ("{t} + 1", "2"),
        ("{t} + {t}", "2"),
        ("{t} + 'x'", r#""truex""#),
        ("{arr} + 'z'", r#""a, b, cz""#),
        ("'z' + {arr}", r#""za, b, c""#),
        ("{nums} + 1", "7"),
        ("{arr} + ['d']", r#"["a","b","c","d"]"#),
        ("{earr} + 1", "1"),
        ("{obj} + 'x'", r#""[object Object]x""#),
        ("{obj} + 1", "null"),
        ("{dd} + 1", r#""2026-11-231""#),
        ("today() + '!'", r#""2026-11-23!""#),
        ("{nums} * 2", "null"),
        ("[4] * 2", "8"),
        ("{t} * 3", "3"),
    ]);
}

#[test]
fn equality() {
    check_table(&[
        ("{n5} = 5", "true"),
        ("{n5} == 5", "true"),
        ("{n5} equal 5", "true"),
        ("{s5} = 5", "true"),
        ("{n5} = '5'", "true"),
        ("{n5} = ' 5 '", "true"),
        ("'abc' = 'ABC'", "true"),
        ("' abc ' = 'abc'", "true"),
        ("{Name} = 'ann'", "true"),
        ("{Name} = ann", "true"),
        ("{bt} = true", "true"),
        ("{t} = 'TRUE'", "true"),
        ("{t} = 'yes'", "false"),
        ("{t} = 1", "true"),
        ("{f} = 0", "true"),
        ("{zero} = false", "true"),
        ("{missing} = ''", "true"),
        ("{missing} = null", "true"),
        ("{missing} = undefined", "true"),
        ("{missing} = 'undefined'", "true"),
        ("{missing} = []", "true"),
        ("{missing} = 0", "false"),
        ("{missing} = false", "false"),
        ("'' = 0", "false"),
        ("{arr} = ['c', 'a', 'b']", "true"),
        ("{arr} = ['C', 'A', 'B']", "true"),
        ("{arr} = ['a', 'b']", "false"),
        ("{arr} = ['a', 'a', 'b']", "false"),
        ("[1, 2] = ['2', '1']", "true"),
        ("{m} = {m}", "true"),
        ("{obj} = {m}", "false"),
        ("{s01} = 1", "true"),
        ("{s01} = '1'", "false"),
        ("{dd} = today()", "true"),
        ("today() = '2026-11-23'", "true"),
        ("today() = '2026-11-24'", "false"),
        ("{n5} != 5", "false"),
        ("{n5} <> 4", "true"),
        ("{n5} notequal 4", "true"),
        ("{missing} != ''", "false"),
        ("{str} = 5", "false"),
    ]);
}

#[test]
fn ordering() {
    check_table(&[
        ("{n5} > 3", "true"),
        ("{n5} greater 3", "true"),
        ("{n5} < 3", "false"),
        ("{n5} less 6", "true"),
        ("{s5} > 10", "false"),
        ("{s5} >= 5", "true"),
        ("{s5} <= '5'", "true"),
        ("5 >= 5", "true"),
        ("4 <= 5", "true"),
        ("6 <= 5", "false"),
        ("5 lessorequal 5", "true"),
        ("6 greaterorequal 7", "false"),
        // Canvass: two numeric strings compare as numbers (JavaScript: as text).
        ("'10' > '9'", "true"),
        ("'b' > 'a'", "true"),
        ("'B' > 'a'", "false"),
        ("'abc' > 1", "false"),
        ("'abc' < 1", "false"),
        ("{missing} > 0", "false"),
        ("{missing} < 0", "false"),
        ("{missing} >= 0", "false"),
        ("{missing} <= {missing}", "true"),
        ("{t} > 0", "true"),
        ("{f} < {t}", "true"),
        ("today() > {d}", "true"),
        ("today() > '2030-01-01'", "false"),
        ("today() >= {dd}", "true"),
        ("{d} < '2000-03-01'", "true"),
        ("today() > 'garbage'", "false"),
        ("{arr} > 1", "false"),
        ("{obj} < 1", "false"),
        ("1 < 2 < 3", "true"),
        ("3 > 2 > 1", "false"),
    ]);
}

#[test]
fn logic() {
    check_table(&[
        ("true and false", "false"),
        ("true or false", "true"),
        ("TRUE AND True", "true"),
        ("true && true", "true"),
        ("false || true", "true"),
        ("{n5} > 1 and {s5} < 10", "true"),
        ("true or false and false", "true"),
        ("(true or false) and false", "false"),
        ("!true", "false"),
        ("not false", "true"),
        ("NOT false", "true"),
        ("negate {t}", "false"),
        ("!{missing}", "true"),
        ("!{earr}", "true"),
        ("![]", "false"),
        ("!!{n5}", "true"),
        ("!{n5} = false", "true"),
        ("!({n5} = 5 and {t})", "false"),
        // and/or give JavaScript's operand values, empty operands filled.
        ("{missing} and true", "0"),
        ("{missing} or 'x'", r#""x""#),
        ("{n5} or 1", "5"),
        ("0 or {missing}", "0"),
        ("'a' and 'b'", r#""b""#),
        ("{str} and {missing}", r#""""#),
    ]);
}

#[test]
fn emptiness() {
    check_table(&[
        ("{missing} empty", "true"),
        ("{empty} empty", "true"),
        ("{earr} empty", "true"),
        ("{zero} empty", "false"),
        ("{f} empty", "false"),
        ("{str} notempty", "true"),
        ("{str} NotEmpty", "true"),
        ("{obj} notempty", "true"),
        ("'' empty", "true"),
        ("' ' empty", "false"),
        ("[] empty", "true"),
        ("{m.r3} empty", "true"),
        ("{m.r1} notempty", "true"),
        ("{missing} empty and {n5} notempty", "true"),
        ("!{missing} empty", "false"),
        ("({n5} + 1) notempty", "true"),
    ]);
}

#[test]
fn contains() {
    check_table(&[
        ("{arr} contains 'b'", "true"),
        ("{arr} contains 'B'", "true"),
        ("{arr} contains 'z'", "false"),
        ("{arr} contains ['a', 'c']", "true"),
        ("{arr} contains ['a', 'z']", "false"),
        ("{arr} contains []", "true"),
        ("{arr} contain 'a'", "true"),
        ("{arr} *= 'a'", "true"),
        ("{str} contains 'bc'", "true"),
        ("{str} contains 'BC'", "false"),
        ("'Hello' contains 'ell'", "true"),
        ("{n5} contains 5", "true"),
        ("{nums} contains '2'", "true"),
        ("{t} contains 'TRU'", "true"),
        ("123 contains 2", "true"),
        ("{missing} contains 'a'", "false"),
        ("{str} contains ''", "false"),
        ("{str} contains {missing}", "false"),
        ("{arr} notcontains 'z'", "true"),
        ("{arr} notcontains 'a'", "false"),
        ("{arr} notcontains ['a', 'z']", "true"),
        ("{missing} notcontains 'a'", "true"),
        ("{missing} notcontains ''", "false"),
        ("{str} notcontains 'x'", "true"),
        ("{str} notcontains ''", "false"),
        ("{str} notcontain 'a'", "false"),
        ("{m} contains 2", "false"),
    ]);
}

#[test]
fn anyof_allof() {
    check_table(&[
        ("{arr} anyof ['x', 'b']", "true"),
        ("{arr} anyof ['x', 'y']", "false"),
        ("{arr} anyof 'b'", "true"),
        ("{arr} allof ['a', 'b']", "true"),
        ("{arr} allof ['a', 'z']", "false"),
        ("{arr} allof 'c'", "true"),
        ("{str} anyof ['abc', 'x']", "true"),
        ("{str} anyof ['x']", "false"),
        ("{m.r2} anyof ['x', 'y']", "true"),
        ("{missing} anyof ['a']", "false"),
        ("{missing} anyof []", "true"),
        ("{arr} anyof []", "true"),
        ("{missing} allof ['a']", "false"),
        ("{arr} allof []", "true"),
        ("{nums} anyof [3, 4]", "true"),
        ("{nums} allof ['1', '3']", "true"),
        ("{arr} AnyOf ['A']", "true"),
    ]);
}
