//! Scoring one response of a 50-item survey with 8 indicators (six leaf
//! indicators, two grouping ones), default grade bands.

use std::collections::BTreeSet;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Map, Value};

use canvass_core::scoring::ScoringModel;
use canvass_core::survey::{GradeBasis, Question};

#[path = "../tests/scoring/support.rs"]
mod support;
use support::*;

fn fifty_items() -> (ScoringModel, canvass_core::response::Answers) {
    let mut questions: Vec<Question> = Vec::new();
    let mut answers = Map::new();
    let labels = ["非常满意", "满意", "一般", "不满意", "非常不满意", "不清楚"];
    for i in 0..25 {
        let q = radio(&format!("s{i}"), domain_scale());
        questions.push(if i % 7 == 3 { q.reverse() } else { q });
        if i % 11 != 5 {
            answers.insert(format!("s{i}"), json!(labels[i % labels.len()]));
        }
    }
    for i in 0..15 {
        questions.push(rating(&format!("r{i}"), 1.0, 5.0, 1.0));
        answers.insert(format!("r{i}"), json!(1 + i % 5));
    }
    for i in 0..5 {
        questions.push(boolean(&format!("b{i}"), 1.0, 0.0));
        answers.insert(format!("b{i}"), json!(i % 2 == 0));
    }
    let rows = ["r1", "r2", "r3", "r4", "r5"];
    questions.push(matrix("m", &rows, vec![cs("good", 2.0), cs("ok", 1.0), cs("bad", 0.0), na("na")]));
    answers.insert("m".into(), json!({"r1": "good", "r2": "ok", "r3": "na", "r4": "bad", "r5": "good"}));
    questions.push(comment("why"));
    answers.insert("why".into(), json!("电压不稳"));

    let names: Vec<String> = questions.iter().filter(|q| q.name != "why").map(|q| q.name.clone()).collect();
    assert_eq!(names.len() + rows.len() - 1, 50);
    let mut builder = survey(questions);
    for (k, chunk) in names.chunks(names.len().div_ceil(6)).enumerate() {
        let children = chunk.iter().enumerate().map(|(j, n)| qw(n, 1.0 + (j % 3) as f64)).collect();
        builder = builder.indicator(ind(&format!("leaf{k}"), children));
    }
    builder = builder
        .indicator(ind("people", vec![subw("leaf0", 2.0), sub("leaf1")]))
        .indicator(ind("place", vec![sub("leaf2"), subw("leaf3", 3.0)]))
        .grades(GradeBasis::Score, vec![]);
    let model = builder.compile();
    assert_eq!(model.items().len(), 50);
    assert_eq!(model.indicators().len(), 8);
    let answers = serde_json::from_value(Value::Object(answers)).unwrap();
    (model, answers)
}

fn bench(c: &mut Criterion) {
    let (model, answers) = fifty_items();
    let hidden = BTreeSet::from(["b4".to_owned()]);
    let report = model.score(&answers, &hidden).unwrap();
    assert!(report.overall.is_some());
    c.bench_function("score 50 items, 8 indicators", |b| b.iter(|| model.score(black_box(&answers), black_box(&hidden)).unwrap()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
