//! Every kind of load error, with the place it must name.

use super::{err, page, scored};

const RADIO: &str = r#"{"type": "radiogroup", "name": "q1", "choices": ["a", "b"]}"#;
const MATRIX: &str = r#"{"type": "matrix", "name": "m1", "rows": ["r1"], "columns": [1, 2]}"#;

/// (what, survey JSON, a substring the errors must contain).
fn cases() -> Vec<(&'static str, String, &'static str)> {
    let r = RADIO;
    vec![
        // The document.
        ("malformed JSON", r#"{"pages": [}"#.into(), "survey: not valid JSON at line 1, column 12: expected value"),
        ("not an object", "[1, 2]".into(), "survey: must be a JSON object, found an array"),
        ("no pages", r#"{"title": "x"}"#.into(), "survey: pages (or elements) is required"),
        ("empty pages", r#"{"pages": []}"#.into(), "survey: pages must not be empty"),
        ("pages and elements", format!(r#"{{"pages": [], "elements": [{r}]}}"#), "survey: pages and elements cannot both be given"),
        ("pages not an array", r#"{"pages": {"a": 1}}"#.into(), "survey: pages must be an array, found an object"),
        ("version", r#"{"version": true, "elements": []}"#.into(), "survey: version must be a string or a number, found true"),
        ("empty id", r#"{"id": "", "elements": []}"#.into(), "survey: id must not be empty"),
        ("title type", r#"{"title": 5, "elements": []}"#.into(), "survey: title must be a string or an object of locale → string, found 5"),
        ("translation type", r#"{"title": {"default": "x", "zh-cn": 1}, "elements": []}"#.into(), r#"survey: title["zh-cn"] must be a string, found 1"#),
        ("page not an object", r#"{"pages": ["p1"]}"#.into(), r#"pages[0]: must be a JSON object, found "p1""#),
        ("element not an object", page(r#""q1""#), r#"pages[0].elements[0]: must be a JSON object, found "q1""#),
        ("element without type", page(r#"{"name": "q1"}"#), r#"pages[0].elements[0] "q1": type is required"#),
        // Question names.
        ("missing name", page(r#"{"type": "comment"}"#), "pages[0].elements[0]: name is required"),
        ("name not a string", page(r#"{"type": "comment", "name": 5}"#), "pages[0].elements[0]: name must be a string, found 5"),
        ("empty name", page(r#"{"type": "comment", "name": ""}"#), r#"pages[0].elements[0] "": name must not be empty"#),
        (
            "duplicate name",
            format!(r#"{{"pages": [{{"elements": [{r}]}}, {{"elements": [{{"type": "panel", "elements": [{r}]}}]}}]}}"#),
            r#"pages[1].elements[0].elements[0] "q1": question name "q1" is already used at pages[0].elements[0] "q1""#,
        ),
        (
            "name of an indicator",
            scored(r#"{"type": "boolean", "name": "service"}"#, r#"{"indicators": [{"name": "service", "children": [{"question": "service"}]}]}"#),
            r#"pages[0].elements[0] "service": question name "service" is also the name of the indicator at scoring.indicators[0] "service""#,
        ),
        ("unknown type", page(r#"{"type": "flowpanel", "name": "q3"}"#), r#"pages[0].elements[0] "q3": unknown question type "flowpanel""#),
        ("type not a string", page(r#"{"type": 1, "name": "q3"}"#), r#"pages[0].elements[0] "q3": type must be a string, found 1"#),
        // Common properties.
        ("isRequired", page(r#"{"type": "comment", "name": "q1", "isRequired": "yes"}"#), r#"pages[0].elements[0] "q1": isRequired must be true or false, found "yes""#),
        ("visibleIf", page(r#"{"type": "comment", "name": "q1", "visibleIf": true}"#), r#""q1": visibleIf must be a string, found true"#),
        ("negative weight", page(r#"{"type": "boolean", "name": "q1", "weight": -1}"#), r#"pages[0].elements[0] "q1": weight (-1) must not be negative"#),
        ("boxSize zero", page(r#"{"type": "boolean", "name": "q1", "boxSize": 0}"#), r#""q1": boxSize must be a positive integer, found 0"#),
        ("boxSize fraction", page(r#"{"type": "boolean", "name": "q1", "boxSize": 1.5}"#), r#""q1": boxSize must be a positive integer, found 1.5"#),
        ("boxSize string", page(r#"{"type": "boolean", "name": "q1", "boxSize": "2"}"#), r#""q1": boxSize must be a positive integer, found "2""#),
        // Choices.
        ("choices not an array", page(r#"{"type": "checkbox", "name": "q1", "choices": "a,b"}"#), r#""q1": choices must be an array, found "a,b""#),
        ("choices missing", page(r#"{"type": "dropdown", "name": "q1"}"#), r#"pages[0].elements[0] "q1": choices is required"#),
        ("choices empty", page(r#"{"type": "ranking", "name": "q1", "choices": []}"#), r#""q1": choices must not be empty"#),
        ("choice without value", page(r#"{"type": "radiogroup", "name": "q1", "choices": ["a", {"text": "B"}]}"#), r#"pages[0].elements[0] "q1".choices[1]: choice has no value"#),
        ("choice value type", page(r#"{"type": "radiogroup", "name": "q1", "choices": [{"value": [1]}]}"#), r#""q1".choices[0]: value must be a string or a number, found an array"#),
        ("choice entry type", page(r#"{"type": "radiogroup", "name": "q1", "choices": [true]}"#), r#""q1": choices[0] must be a string, a number or an object, found true"#),
        ("score not a number", page(r#"{"type": "radiogroup", "name": "q1", "choices": [{"value": "a", "score": "NaN"}]}"#), r#""q1".choices[0]: score must be a number, found "NaN""#),
        ("notApplicable type", page(r#"{"type": "radiogroup", "name": "q1", "choices": [{"value": "a", "notApplicable": 1}]}"#), r#""q1".choices[0]: notApplicable must be true or false, found 1"#),
        ("duplicate choice", page(r#"{"type": "radiogroup", "name": "q1", "choices": ["a", "b", {"value": "a"}]}"#), r#"pages[0].elements[0] "q1".choices[2]: duplicate value "a" (also at choices[0])"#),
        ("1 and \"1\" collide", page(r#"{"type": "dropdown", "name": "q1", "choices": [1, "1"]}"#), r#""q1".choices[1]: duplicate value "1" (also at choices[0])"#),
        // Rating.
        ("rateStep zero", page(r#"{"type": "rating", "name": "q7", "rateStep": 0}"#), r#""q7": rateStep (0) must be greater than 0"#),
        ("rateStep negative", page(r#"{"type": "rating", "name": "q7", "rateStep": -1}"#), r#""q7": rateStep (-1) must be greater than 0"#),
        ("rateMax below rateMin", r#"{"pages": [{}, {"elements": [{}, {}, {}, {"type": "rating", "name": "q7", "rateMin": 5, "rateMax": 3}]}]}"#.into(), r#"pages[1].elements[3] "q7": rateMax (3) must not be less than rateMin (5)"#),
        ("too many points", page(r#"{"type": "rating", "name": "q7", "rateMin": 0, "rateMax": 1000}"#), r#""q7": rateMin, rateMax and rateStep give 1001 points, more than 100"#),
        ("tiny step", page(r#"{"type": "rating", "name": "q7", "rateStep": 1e-300}"#), r#""q7": rateMin, rateMax and rateStep give"#),
        ("rateMin type", page(r#"{"type": "rating", "name": "q7", "rateMin": "1"}"#), r#""q7": rateMin must be a number, found "1""#),
        ("rateValues duplicate", page(r#"{"type": "rating", "name": "q7", "rateValues": [1, 2, 2]}"#), r#""q7".rateValues[2]: duplicate value 2 (also at rateValues[1])"#),
        // Text, boolean, matrix.
        ("text min above max", page(r#"{"type": "text", "name": "n", "inputType": "number", "min": 10, "max": 5}"#), r#"pages[0].elements[0] "n": min (10) must not be greater than max (5)"#),
        ("text max type", page(r#"{"type": "text", "name": "n", "inputType": "number", "max": "5"}"#), r#""n": max must be a number, found "5""#),
        ("inputType", page(r#"{"type": "text", "name": "n", "inputType": "color"}"#), r#""n": inputType must be one of text, number, date, email, tel, found "color""#),
        ("scoreTrue alone", page(r#"{"type": "boolean", "name": "b", "scoreTrue": 2}"#), r#""b": scoreTrue is given without scoreFalse; give both or neither"#),
        ("scoreFalse alone", page(r#"{"type": "boolean", "name": "b", "scoreFalse": 2}"#), r#""b": scoreFalse is given without scoreTrue; give both or neither"#),
        ("matrix without rows", page(r#"{"type": "matrix", "name": "m", "columns": [1]}"#), r#""m": rows is required"#),
        ("duplicate matrix row", page(r#"{"type": "matrix", "name": "m", "rows": ["r", {"value": "r"}], "columns": [1]}"#), r#""m".rows[1]: duplicate value "r" (also at rows[0])"#),
        ("duplicate column", page(r#"{"type": "matrix", "name": "m", "rows": ["r"], "columns": [1, 1]}"#), r#""m".columns[1]: duplicate value 1 (also at columns[0])"#),
        // Scoring.
        ("scoring not an object", scored(r, "[]"), "scoring: must be a JSON object, found an array"),
        ("indicator without name", scored(r, r#"{"indicators": [{"children": [{"question": "q1"}]}]}"#), "scoring.indicators[0]: name is required"),
        (
            "duplicate indicator",
            scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1"}]}, {"name": "s", "children": [{"question": "q1"}]}]}"#),
            r#"scoring.indicators[1] "s": indicator name "s" is already used at scoring.indicators[0] "s""#,
        ),
        ("empty children", scored(r, r#"{"indicators": [{"name": "s", "children": []}]}"#), r#"scoring.indicators[0] "s": children must not be empty"#),
        ("no children", scored(r, r#"{"indicators": [{"name": "s"}]}"#), r#"scoring.indicators[0] "s": children is required"#),
        (
            "missing question",
            scored(r, r#"{"indicators": [{"name": "a", "children": [{"question": "q1"}]}, {"name": "b", "children": [{"question": "q1"}]}, {"name": "service", "children": [{"question": "q1"}, {"question": "q9"}]}]}"#),
            r#"scoring.indicators[2] "service".children[1]: question "q9" does not exist"#,
        ),
        ("missing matrix row", scored(MATRIX, r#"{"indicators": [{"name": "s", "children": [{"question": "m1", "row": "r9"}]}]}"#), r#"scoring.indicators[0] "s".children[0]: matrix "m1" has no row "r9""#),
        ("row of a missing question", scored(MATRIX, r#"{"indicators": [{"name": "s", "children": [{"question": "m9", "row": "r1"}]}]}"#), r#"scoring.indicators[0] "s".children[0]: question "m9" does not exist"#),
        ("row on a non-matrix", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1", "row": "r1"}]}]}"#), r#"scoring.indicators[0] "s".children[0]: question "q1" is not a matrix, so it has no row "r1""#),
        ("missing indicator", scored(r, r#"{"indicators": [{"name": "s", "children": [{"indicator": "sub"}]}]}"#), r#"scoring.indicators[0] "s".children[0]: indicator "sub" does not exist"#),
        ("child with both", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1", "indicator": "s"}]}]}"#), r#""s".children[0]: question and indicator cannot both be given"#),
        ("child with neither", scored(r, r#"{"indicators": [{"name": "s", "children": [{"weight": 2}]}]}"#), r#"scoring.indicators[0] "s".children[0]: child must name a question or an indicator"#),
        ("row on an indicator", scored(r, r#"{"indicators": [{"name": "s", "children": [{"indicator": "s", "row": "x"}]}]}"#), r#""s".children[0]: indicator and row cannot both be given"#),
        ("negative child weight", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1", "weight": -2}]}]}"#), r#"scoring.indicators[0] "s".children[0]: weight (-2) must not be negative"#),
        ("minAnswered above 1", scored(r, r#"{"indicators": [{"name": "s", "minAnswered": 1.5, "children": [{"question": "q1"}]}]}"#), r#"scoring.indicators[0] "s": minAnswered (1.5) must be between 0 and 1"#),
        ("top minAnswered below 0", scored(r, r#"{"minAnswered": -0.1}"#), "scoring: minAnswered (-0.1) must be between 0 and 1"),
        ("top boxSize", scored(r, r#"{"boxSize": -3}"#), "scoring: boxSize must be a positive integer, found -3"),
        ("showScore type", scored(r, r#"{"showScore": "yes"}"#), r#"scoring: showScore must be true or false, found "yes""#),
        ("ahp row count", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1"}, {"question": "q1"}], "ahp": [[1, 2], [null, 1], [1, 1]]}]}"#), r#"scoring.indicators[0] "s": ahp must be a 2×2 matrix, one row and column per child, but it has 3 rows"#),
        ("ahp row length", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1"}, {"question": "q1"}], "ahp": [[1, 2], [null]]}]}"#), r#""s": ahp must be a 2×2 matrix, one row and column per child, but row 1 has 1 entries"#),
        ("ahp entry", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1"}, {"question": "q1"}], "ahp": [[1, "3"], [null, 1]]}]}"#), r#"scoring.indicators[0] "s": ahp[0][1] must be a number or null, found "3""#),
        ("ahp not an array", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1"}], "ahp": 1}]}"#), r#""s": ahp must be an array of rows, found 1"#),
        ("ahp and weights", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1", "weight": 2}, {"question": "q1"}], "ahp": [[1, 2], [null, 1]]}]}"#), r#"scoring.indicators[0] "s": ahp and child weights cannot both be given"#),
        ("top ahp size", scored(r, r#"{"indicators": [{"name": "a", "children": [{"indicator": "b"}]}, {"name": "b", "children": [{"question": "q1"}]}, {"name": "c", "children": [{"question": "q1"}]}], "ahp": [[1]]}"#), "scoring: ahp must be a 2×2 matrix, one row and column per top-level indicator, but it has 1 rows"),
        ("top ahp and weights", scored(r, r#"{"indicators": [{"name": "a", "children": [{"question": "q1"}]}], "weights": {"a": 1}, "ahp": [[1]]}"#), "scoring: weights and ahp cannot both be given"),
        ("top weight negative", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1"}]}], "weights": {"s": -1}}"#), r#"scoring: weights["s"] (-1) must not be negative"#),
        ("top weight type", scored(r, r#"{"weights": {"s": "2"}}"#), r#"scoring: weights["s"] must be a number, found "2""#),
        ("top weight unknown", scored(r, r#"{"indicators": [{"name": "s", "children": [{"question": "q1"}]}], "weights": {"t": 1}}"#), r#"scoring.weights: indicator "t" does not exist"#),
        ("top weight not top-level", scored(r, r#"{"indicators": [{"name": "a", "children": [{"indicator": "b"}]}, {"name": "b", "children": [{"question": "q1"}]}], "weights": {"b": 1}}"#), r#"scoring.weights: indicator "b" is not top-level"#),
        ("grades basis", scored(r, r#"{"grades": {"basis": "percent"}}"#), r#"scoring.grades: basis must be one of "score", "total", found "percent""#),
        ("band without name", scored(r, r#"{"grades": {"bands": [{"name": "A", "min": 50}, {"min": 10}]}}"#), "scoring.grades.bands[1]: name is required"),
        ("band min type", scored(r, r#"{"grades": {"bands": [{"name": "A", "min": "50"}]}}"#), r#"scoring.grades.bands[0] "A": min must be a number, found "50""#),
        ("duplicate band", scored(r, r#"{"grades": {"bands": [{"name": "A", "min": 50}, {"name": "A"}]}}"#), r#"scoring.grades.bands[1] "A": band name "A" is already used at scoring.grades.bands[0] "A""#),
        ("overallQuestion", scored(r, r#"{"overallQuestion": "q_overall"}"#), r#"scoring.overallQuestion: question "q_overall" does not exist"#),
    ]
}

#[test]
fn each_error_names_its_place() {
    let mut failures = Vec::new();
    for (what, json, expected) in cases() {
        let messages = err(&json);
        if !messages.iter().any(|m| m.contains(expected)) {
            failures.push(format!("{what}: expected {expected:?} in {messages:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn all_errors_are_collected_not_just_the_first() {
    let json = scored(
        r#"{"type": "rating", "name": "q1", "rateStep": 0},
           {"type": "boolean", "name": "q2", "isRequired": "no"},
           {"type": "flowpanel", "name": "q3"},
           {"type": "radiogroup", "name": "q4", "choices": [{"text": "x"}, "a", "a"]}"#,
        r#"{"indicators": [{"name": "s", "children": [{"question": "nope"}]}], "grades": {"basis": 1}}"#,
    );
    let messages = err(&json);
    let expected = [
        r#"pages[0].elements[0] "q1": rateStep (0)"#,
        r#"pages[0].elements[1] "q2": isRequired must be true or false"#,
        r#"pages[0].elements[2] "q3": unknown question type"#,
        r#"pages[0].elements[3] "q4".choices[0]: choice has no value"#,
        r#"pages[0].elements[3] "q4".choices[2]: duplicate value "a""#,
        r#"scoring.grades: basis must be a string, found 1"#,
        r#"scoring.indicators[0] "s".children[0]: question "nope" does not exist"#,
    ];
    for e in expected {
        assert!(
            messages.iter().any(|m| m.starts_with(e)),
            "missing {e:?} in {messages:#?}"
        );
    }
    assert_eq!(messages.len(), expected.len(), "{messages:#?}");
}

#[test]
fn malformed_json_gives_one_error_with_line_and_column() {
    let messages = err("{\n  \"title\": \"x\",\n  \"pages\": [,]\n}");
    assert_eq!(
        messages,
        ["survey: not valid JSON at line 3, column 13: expected value"]
    );
}
