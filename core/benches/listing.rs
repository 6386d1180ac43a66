//! The staff list's filter over 20,000 stored rows (the scale):
//! no filter, a status + interviewer filter, a date range and a free-text
//! search. The browser bench `tests/perf/list.mjs` measures the same on
//! the device, storage and rendering included.

use std::collections::BTreeMap;

use canvass_core::followup::FollowUpStatus;
use canvass_core::listing::{
    filter_rows, interviewers, ResponseRow, RowChunks, RowFilter, StatusFilter,
};
use canvass_core::response::{Response, SurveyRef};
use canvass_core::visit::{Outcome, Visit};
use criterion::{criterion_group, criterion_main, Criterion};

const ROWS: u128 = 20_000;

fn rows() -> Vec<ResponseRow> {
    (0..ROWS)
        .map(|i| {
            let day = 1 + (i % 28);
            let at = format!("2026-11-{day:02}T10:{:02}:00+08:00", i % 60);
            let outcome = if i % 5 == 0 {
                Outcome::Refused
            } else {
                Outcome::Completed
            };
            let r = Response {
                id: uuid::Uuid::from_u128(i),
                survey: SurveyRef {
                    id: format!("s{}", i % 3),
                    version: "1".into(),
                    hash: "h".into(),
                },
                started_at: at.clone(),
                completed_at: (outcome == Outcome::Completed).then(|| at.clone()),
                answers: BTreeMap::from([(
                    "remarks".to_owned(),
                    format!("楼道灯坏了 number {i} needs a fix").into(),
                )]),
                meta: BTreeMap::new(),
                score: None,
                visit: Some(Visit {
                    household: Some(format!("{}-{}-{}", i % 20, i % 6, i)),
                    interviewer: Some(format!("interviewer {}", i % 25)),
                    outcome,
                    at: Some(at),
                    ..Visit::default()
                }),
            };
            ResponseRow::of(&r, (i % 7 == 0).then_some(FollowUpStatus::Open), None)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let rows = rows();
    let mut g = c.benchmark_group("filter 20k rows");
    g.bench_function("no filter", |b| {
        b.iter(|| filter_rows(&rows, &RowFilter::default()).len())
    });
    let status = RowFilter {
        status: Some(StatusFilter::FollowUp),
        interviewer: Some("interviewer 7".into()),
        ..RowFilter::default()
    };
    g.bench_function("status + interviewer", |b| {
        b.iter(|| filter_rows(&rows, &status).len())
    });
    let dates = RowFilter {
        from: Some("2026-11-10".into()),
        to: Some("2026-11-12".into()),
        ..RowFilter::default()
    };
    g.bench_function("date range", |b| {
        b.iter(|| filter_rows(&rows, &dates).len())
    });
    let text = RowFilter {
        text: "灯坏 1999".into(),
        ..RowFilter::default()
    };
    g.bench_function("free text", |b| b.iter(|| filter_rows(&rows, &text).len()));
    g.finish();

    // Opening the list: the stored chunk texts decoded, then flattened and sorted.
    let mut chunks = RowChunks::default();
    for r in rows.iter().cloned() {
        chunks.upsert(r);
    }
    let stored: Vec<(String, String)> = (0..chunks.chunks.len())
        .map(|i| (chunks.key(i), chunks.encode(i)))
        .collect();
    let bytes: usize = stored.iter().map(|(_, t)| t.len()).sum();
    let mut g = c.benchmark_group(format!(
        "open 20k rows ({} chunks, {} KB)",
        stored.len(),
        bytes / 1024
    ));
    g.bench_function("decode chunks", |b| {
        b.iter(|| RowChunks::decode(stored.clone()).0.rows.len())
    });
    g.bench_function("interviewers", |b| b.iter(|| interviewers(&rows).len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
