use super::check_table;

#[test]
fn iif() {
    check_table(&[
        ("iif({n5} > 3, 'big', 'small')", r#""big""#),
        ("iif({n5} > 9, 'big', 'small')", r#""small""#),
        ("iif(0, 1, 2)", "2"),
        ("iif('', 1)", "null"),
        ("iif([], 1, 2)", "1"),
        ("iif({missing}, 1, 2)", "2"),
        ("IIF(true, {m.r1}, 0)", "2"),
    ]);
}

#[test]
fn aggregates() {
    check_table(&[
        ("sum(1, 2, 3)", "6"),
        ("sum({nums})", "6"),
        ("sum({nums}, 4)", "10"),
        ("sum()", "0"),
        ("sum('2', {missing}, 0.1, 0.2)", "2.3"),
        ("sum('abc', 1)", "1"),
        ("sum(true, true)", "2"),
        ("sum([1, [2, [3]]])", "6"),
        ("avg(1, 2)", "1.5"),
        ("avg()", "0"),
        ("avg({nums})", "2"),
        ("avg({missing}, 4)", "4"),
        ("min(3, 1, 2)", "1"),
        ("max({nums}, 10)", "10"),
        ("min()", "null"),
        ("min('abc')", "null"),
        ("max('5', 2)", "5"),
        ("min(-1, '-2')", "-2"),
        ("count(1, {missing}, 'a')", "2"),
        ("count({nums})", "3"),
        ("count([])", "0"),
        ("count()", "0"),
    ]);
}

#[test]
fn rounding() {
    check_table(&[
        ("round(2.5)", "3"),
        ("round(-2.5)", "-3"),
        ("round(-2.4)", "-2"),
        ("round(2.4)", "2"),
        ("round(1.005, 2)", "1.01"),
        ("round(1234.5678, 2)", "1234.57"),
        ("round(1250, -2)", "1300"),
        ("round('2.345', 1)", "2.3"),
        ("round(2.345, 0)", "2"),
        ("round('abc')", "null"),
        ("round({missing})", "null"),
        ("round(2.5, 'x')", "null"),
        ("trunc(2.789)", "2"),
        ("trunc(2.789, 2)", "2.78"),
        ("trunc(-2.789, 1)", "-2.7"),
        ("trunc(-0.5)", "0"),
        ("trunc(5, 2)", "5"),
        ("trunc(2.789, 0)", "2"),
        ("trunc('x')", "null"),
    ]);
}

#[test]
fn dates() {
    check_table(&[
        ("today()", r#""2026-11-23""#),
        ("today(1)", r#""2026-11-24""#),
        ("today(-23)", r#""2026-10-31""#),
        ("today('x')", "null"),
        ("currentDate()", r#""2026-11-23""#),
        ("currentYear()", "2026"),
        ("year()", "2026"),
        ("month()", "11"),
        ("day()", "23"),
        ("weekday()", "1"),
        ("year({d})", "2000"),
        ("month({d})", "2"),
        ("day({d})", "29"),
        ("weekday('2026-11-22')", "0"),
        ("year('garbage')", "null"),
        ("year({missing})", "2026"),
        ("getDate('2026-1-5')", r#""2026-01-05""#),
        ("getDate({missing})", "null"),
        ("getDate('nope')", "null"),
        ("getDate(0)", "null"),
        ("getDate(86400000)", r#""1970-01-02""#),
        ("age('2000-11-23')", "26"),
        ("age('2000-11-24')", "25"),
        ("age({d})", "26"),
        ("age({missing})", "null"),
        ("age('garbage')", "null"),
        ("age('2000-01-01', 'months')", "322"),
        ("age('2030-01-01')", "-3"),
        ("age({d}) >= 21", "true"),
        ("dateAdd('2026-01-31', 1, 'months')", r#""2026-03-03""#),
        ("dateAdd({dd}, 7)", r#""2026-11-30""#),
        ("dateAdd({dd}, -1, 'years')", r#""2025-11-23""#),
        ("dateAdd({dd}, 36, 'hours')", r#""2026-11-24""#),
        ("dateAdd({dd}, -1, 'minutes')", r#""2026-11-22""#),
        ("dateAdd({dd}, 1.9)", r#""2026-11-24""#),
        // Canvass: adding 0 gives the date (SurveyJS: null).
        ("dateAdd({dd}, 0)", r#""2026-11-23""#),
        ("dateAdd({dd}, 'x')", "null"),
        ("dateAdd({dd}, 1, 'weeks')", "null"),
        ("dateAdd({missing}, 1)", "null"),
        ("dateAdd({dd}, 99999999999)", "null"),
        ("dateDiff('2026-01-01', '2026-11-23')", "326"),
        ("dateDiff('2026-11-23', '2026-01-01')", "326"),
        ("dateDiff('2000-02-29', {dd}, 'years')", "26"),
        ("dateDiff({dd}, '2000-02-29', 'years')", "-26"),
        ("dateDiff('2026-01-31', '2026-02-28', 'months')", "0"),
        ("dateDiff('2026-01-31', '2026-03-01', 'months')", "1"),
        ("dateDiff('2026-11-22', {dd}, 'hours')", "24"),
        ("dateDiff({missing}, {dd})", "null"),
        ("dateDiff({dd}, {dd}, 'fortnights')", "null"),
        ("diffDays('2026-11-20', {dd})", "3"),
        ("diffDays({dd}, '2026-11-20')", "3"),
        ("diffDays({missing}, {dd})", "0"),
        ("diffDays('x', {dd})", "null"),
        ("diffDays(today(-10), today())", "10"),
    ]);
}

#[test]
fn substring() {
    check_table(&[
        ("substring('Hello', 1, 3)", r#""el""#),
        ("substring('Hello', 3, 1)", r#""el""#),
        ("substring('Hello', 2)", r#""llo""#),
        ("substring('你好世界', 1, 3)", r#""好世""#),
        ("substring({missing}, 1)", r#""""#),
        ("substring('abc', 'x')", r#""""#),
        ("substring('abc', '1')", r#""bc""#),
        ("substring('abc', -5, 99)", r#""abc""#),
        ("substring('abc', 1, {missing})", r#""bc""#),
        // Canvass: a number is cut as its text (SurveyJS: "").
        ("substring(12345, 0, 2)", r#""12""#),
        ("substring({arr}, 0)", r#""""#),
    ]);
}

#[test]
fn in_array() {
    check_table(&[
        ("sumInArray({list}, 'price')", "15"),
        ("countInArray({list}, 'price')", "2"),
        ("avgInArray({list}, 'price')", "7.5"),
        ("minInArray({list}, 'price')", "5"),
        ("maxInArray({list}, 'price')", "10"),
        ("countInArray({list}, 'qty')", "3"),
        ("sumInArray({list}, 'qty', {price} > 6)", "2"),
        ("sumInArray({list}, 'qty', '{price} > 6')", "2"),
        ("sumInArray({list}, 'qty', {price} empty)", "3"),
        ("sumInArray({list}, 'qty', {qty} >= {n5} - 3)", "5"),
        ("countInArray({list}, 'qty', {price} notempty)", "2"),
        ("sumInArray({missing}, 'x')", "0"),
        ("avgInArray({missing}, 'x')", "0"),
        ("minInArray({missing}, 'x')", "null"),
        ("sumInArray({list}, 'nosuch')", "0"),
        ("sumInArray({list}, 1)", "0"),
        ("maxInArray({list}, 1)", "null"),
        ("sumInArray({m}, 'x')", "0"),
        ("sumInArray([{'a': 1}], 'a')", "0"),
    ]);
}
