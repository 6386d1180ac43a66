//! Aggregating 100,000 responses to a 50-item survey (8 indicators), by a
//! 2-valued segment and by quarter (4 quarters), with satisfaction rate,
//! NPS, a gap, a theme and targets.
//!
//! Two measurements: `report` groups and summarises responses already
//! scored by `Prepared::new` (what switching the grouping costs);
//! `aggregate` includes scoring every response; `scoring alone` is the
//! scoring part of it, for comparison.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Map, Value};

use canvass_core::aggregate::{aggregate, AggregateOptions, NoLogic, Period, Prepared, Segment};
use canvass_core::analysis::AnalysisSpec;
use canvass_core::response::{Response, SurveyRef};
use canvass_core::scoring::ScoringModel;
use canvass_core::survey::{parse, Survey};
use canvass_core::visit::{Outcome, Visit};

const RESPONSES: usize = 100_000;

fn definition() -> Value {
    let five = json!([
        {"value": "vs", "score": 50}, {"value": "s", "score": 30}, {"value": "ok", "score": 20},
        {"value": "d", "score": 0}, {"value": "vd", "score": -10}, {"value": "na", "notApplicable": true}
    ]);
    let mut elements = vec![
        json!({"type": "radiogroup", "name": "type", "choices": ["residential", "commercial"]}),
    ];
    let mut names = Vec::new();
    for i in 0..30 {
        elements.push(json!({"type": "radiogroup", "name": format!("c{i}"), "choices": five, "reverse": i % 7 == 3}));
        names.push(format!("c{i}"));
    }
    for i in 0..15 {
        elements.push(json!({"type": "rating", "name": format!("r{i}")}));
        names.push(format!("r{i}"));
    }
    for i in 0..5 {
        elements.push(json!({"type": "boolean", "name": format!("b{i}")}));
        names.push(format!("b{i}"));
    }
    elements.push(json!({"type": "rating", "name": "recommend", "rateMin": 0, "rateMax": 10}));
    elements.push(json!({"type": "comment", "name": "why"}));
    let indicators: Vec<Value> = names
        .chunks(names.len().div_ceil(8))
        .enumerate()
        .map(|(k, chunk)| json!({"name": format!("i{k}"), "children": chunk.iter().map(|n| json!({"question": n})).collect::<Vec<_>>()}))
        .collect();
    assert_eq!(indicators.len(), 8);
    json!({
        "id": "bench", "version": "1", "elements": elements,
        "scoring": {
            "indicators": indicators, "grades": {}, "overallQuestion": "r0", "npsQuestion": "recommend",
            "targets": [{"name": "完成值", "metric": "satisfactionRate", "min": 0.8}, {"name": "reach", "metric": "responseRate", "min": 0.7}],
            "gaps": [{"name": "g", "expected": "r1", "perceived": "r2"}],
            "themes": [{"name": "voltage", "keywords": ["电压", "voltage"]}]
        }
    })
}

/// A small deterministic generator, so every run measures the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn responses(survey: &Survey) -> Vec<Response> {
    let mut rng = Lcg(42);
    let labels = ["vs", "s", "ok", "d", "vd", "na"];
    let months = ["01", "02", "04", "05", "07", "08", "10", "11"];
    (0..RESPONSES)
        .map(|i| {
            let mut a = Map::new();
            a.insert(
                "type".into(),
                json!(["residential", "commercial"][rng.next(2) as usize]),
            );
            for q in 0..30 {
                if rng.next(20) != 0 {
                    a.insert(format!("c{q}"), json!(labels[rng.next(6) as usize]));
                }
            }
            for q in 0..15 {
                a.insert(format!("r{q}"), json!(1 + rng.next(5)));
            }
            for q in 0..5 {
                a.insert(format!("b{q}"), json!(rng.next(2) == 0));
            }
            a.insert("recommend".into(), json!(rng.next(11)));
            if rng.next(4) == 0 {
                a.insert(
                    "why".into(),
                    json!(["电压不稳", "服务很好", "Voltage drops"][rng.next(3) as usize]),
                );
            }
            let at = format!(
                "2026-{}-{:02}T10:00:00+08:00",
                months[rng.next(8) as usize],
                1 + rng.next(28)
            );
            Response {
                id: uuid::Uuid::from_u128(i as u128 + 1),
                survey: SurveyRef {
                    id: survey.id.clone(),
                    version: survey.version.clone(),
                    hash: survey.hash.clone(),
                },
                started_at: at.clone(),
                completed_at: Some(at.clone()),
                answers: a.into_iter().collect(),
                meta: Default::default(),
                score: None,
                visit: Some(Visit {
                    household: Some(format!("h{}", rng.next(RESPONSES as u64))),
                    interviewer: Some(format!("i{}", rng.next(20))),
                    outcome: Outcome::Completed,
                    at: Some(at),
                    channel: None,
                    note: None,
                    ..Visit::default()
                }),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let json = definition();
    let (survey, _) = parse(&json.to_string()).unwrap();
    let (model, _) = ScoringModel::compile(&survey).unwrap();
    let analysis = AnalysisSpec::from_json(&json["scoring"], "scoring", &survey).unwrap();
    assert_eq!(model.items().len(), 50);
    let records = responses(&survey);
    let options = AggregateOptions {
        by: Some(Segment::Question("type".into())),
        period: Some(Period::Quarter),
    };
    let prepared = Prepared::new(&model, &survey, &analysis, &records, &NoLogic).unwrap();
    let report = prepared.report(&options).unwrap();
    assert_eq!(report.total.n, RESPONSES as u64);
    assert_eq!(report.groups.len(), 2 + 4 + 8);

    let mut group =
        c.benchmark_group("aggregate 100k × 50 items, 8 indicators, 2 segments × 4 quarters");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("report (pre-scored)", |b| {
        b.iter(|| prepared.report(black_box(&options)).unwrap())
    });
    group.bench_function("aggregate (scoring included)", |b| {
        b.iter(|| aggregate(&model, &survey, &analysis, black_box(&records), &options).unwrap())
    });
    // For comparison: scoring alone, the part `aggregate` cannot avoid.
    let nothing_hidden = std::collections::BTreeSet::new();
    group.bench_function("scoring alone", |b| {
        b.iter(|| {
            records
                .iter()
                .filter(|r| model.score(black_box(&r.answers), &nothing_hidden).is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
