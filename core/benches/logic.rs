//! Survey logic on a 500-question survey with 300 expressions: loading
//! (parse + compile), a full state computation, and the incremental update
//! after one answer — for a typical question and for the question every
//! page depends on (customer type). Issue target: an update under 1 ms.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;

use canvass_core::expr::Date;
use canvass_core::logic::{Env, LogicState};
use canvass_core::response::Answers;

/// 10 pages × 50 questions. Expressions: 9 page conditions on `q0`, 10
/// panel conditions, 249 question conditions, 22 calculated values and 10
/// expression questions = 300.
fn survey() -> String {
    let mut pages = Vec::new();
    let mut calcs = Vec::new();
    for p in 0..10 {
        let mut questions = Vec::new();
        for j in 0..50 {
            let i = p * 50 + j;
            let q = if i == 0 {
                r#"{"type": "radiogroup", "name": "q0", "choices": ["a", "b", "x1", "x2", "x3"]}"#
                    .to_owned()
            } else if j == 49 {
                format!(r#"{{"type": "expression", "name": "q{i}", "expression": "{{c{p}}} * 2"}}"#)
            } else if i % 2 == 0 {
                format!(
                    r#"{{"type": "radiogroup", "name": "q{i}", "choices": [1, 2, 3, 4, 5], "visibleIf": "{{q{}}} >= 3 or {{q0}} = 'a'"}}"#,
                    i - 1
                )
            } else {
                format!(r#"{{"type": "radiogroup", "name": "q{i}", "choices": [1, 2, 3, 4, 5]}}"#)
            };
            questions.push(q);
        }
        let inner = questions.split_off(25).join(", ");
        questions.push(format!(
            r#"{{"type": "panel", "name": "panel{p}", "visibleIf": "{{q{}}} notempty", "elements": [{inner}]}}"#,
            p * 50 + 1
        ));
        let visible = if p == 0 {
            String::new()
        } else {
            format!(r#""visibleIf": "{{q0}} != 'x{p}'", "#)
        };
        pages.push(format!(
            r#"{{{visible}"elements": [{}]}}"#,
            questions.join(", ")
        ));
        let terms: Vec<String> = (1..11)
            .map(|k| format!("{{q{}}}", p * 50 + k * 2 - 1))
            .collect();
        calcs.push(format!(
            r#"{{"name": "c{p}", "expression": "sum({})"}}"#,
            terms.join(", ")
        ));
        calcs.push(format!(
            r#"{{"name": "d{p}", "expression": "{{c{p}}} / 10"}}"#
        ));
    }
    calcs.push(r#"{"name": "all", "expression": "sum({c0}, {c1}, {c2}, {c3}, {c4}, {c5}, {c6}, {c7}, {c8}, {c9})"}"#.into());
    calcs.push(r#"{"name": "high", "expression": "{all} > 100"}"#.into());
    format!(
        r#"{{"pages": [{}], "calculatedValues": [{}]}}"#,
        pages.join(", "),
        calcs.join(", ")
    )
}

fn answers() -> Answers {
    let mut answers = Answers::new();
    answers.insert("q0".into(), json!("b"));
    for i in 1..500 {
        if i % 50 != 49 {
            answers.insert(format!("q{i}"), json!(1 + i % 5));
        }
    }
    answers
}

fn bench(c: &mut Criterion) {
    let json = survey();
    let loaded = canvass_core::load(&json).expect("the benchmark survey loads");
    let logic = &loaded.logic;
    assert_eq!(loaded.survey.questions().len(), 500);
    assert_eq!(logic.expression_count(), 300);
    let env = Env::new(Date::parse("2026-11-23").unwrap(), "zh-cn");
    let mut answers = answers();

    c.bench_function("logic: load 500 questions, 300 expressions", |b| {
        b.iter(|| canvass_core::load(black_box(&json)).unwrap())
    });
    c.bench_function("logic: full state", |b| {
        b.iter(|| LogicState::new(logic, black_box(&answers), env.clone()))
    });
    let mut state = LogicState::new(logic, &answers, env.clone());
    for (name, question, values) in [
        (
            "logic: update after a typical answer",
            "q201",
            [json!(1), json!(4)],
        ),
        (
            "logic: update after the answer every page reads",
            "q0",
            [json!("a"), json!("x3")],
        ),
    ] {
        let mut flip = 0;
        c.bench_function(name, |b| {
            b.iter(|| {
                flip ^= 1;
                answers.insert(question.into(), values[flip].clone());
                state.apply(logic, black_box(question), &answers);
            })
        });
        let before = state.evaluations();
        flip ^= 1;
        answers.insert(question.into(), values[flip].clone());
        state.apply(logic, question, &answers);
        println!(
            "{name}: {} expressions evaluated",
            state.evaluations() - before
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
