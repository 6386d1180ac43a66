//! `canvass eval` end to end: the built binary, its output and exit codes.

use std::process::{Command, Output};

fn canvass(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canvass"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[track_caller]
fn success(args: &[&str]) -> String {
    let out = canvass(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim_end()
        .to_string()
}

#[test]
fn prints_the_result_as_json() {
    let values = r#"{"q1": 3, "m": {"r1": 2}, "pets": ["cat", "dog"], "name": "Ann"}"#;
    let cases = [
        ("{q1} + {m.r1}", "5"),
        ("{q1} >= 4 or {pets} contains 'dog'", "true"),
        ("{name} + ' (' + count({pets}) + ')'", r#""Ann (2)""#),
        ("{missing}", "null"),
        ("[{q1}, 'x', 1.5]", r#"[3,"x",1.5]"#),
        ("today()", r#""2026-11-23""#),
        ("age('2000-11-24')", "25"),
    ];
    for (expr, want) in cases {
        assert_eq!(
            success(&["eval", expr, "--values", values, "--today", "2026-11-23"]),
            want,
            "{expr}"
        );
    }
    assert_eq!(
        success(&["eval", "--today", "2026-01-01", "--", "-year()"]),
        "-2026"
    );
}

#[test]
fn today_defaults_to_the_clock() {
    let year: i64 = success(&["eval", "currentYear()"]).parse().expect("a year");
    assert!((2024..9999).contains(&year), "{year}");
}

#[test]
fn a_bad_expression_exits_1_with_the_position() {
    let out = canvass(&["eval", "{a} + (1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("at 8: expected ')', found end of input"),
        "{stderr}"
    );
    assert!(stderr.contains("  {a} + (1\n          ^"), "{stderr}");

    let out = canvass(&["eval", "'满意' + @"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("at 7: unexpected character '@'\n  '满意' + @\n           ^"),
        "{stderr}"
    );

    let out = canvass(&["eval", "nosuch(1)"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown function \"nosuch\""));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["eval"][..],
        &["eval", "1", "2"],
        &["eval", "1", "--values"],
        &["eval", "1", "--values", "[1]"],
        &["eval", "1", "--today", "23/11/2026"],
        &["eval", "1", "--frobnicate"],
    ] {
        let out = canvass(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage: canvass eval"),
            "{args:?}"
        );
    }
    let help = canvass(&["eval", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--today"));
}
