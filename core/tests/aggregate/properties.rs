//! Properties over random response sets: NPS within ±100, shares within
//! 0–1, duplicating every response changes no mean or share, and segment
//! and period groups partition the responses.

use canvass_core::aggregate::{AggregateOptions, AggregateReport, GroupReport, Period, Segment};
use canvass_core::response::Response;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

use super::{completed_at, fixture, run_with, Fx};

fn survey() -> Fx {
    let kano = json!(["love", "must", "neutral", "live", "hate"]);
    fixture(json!({
        "elements": [
            {"type": "rating", "name": "a", "rateMin": 1, "rateMax": 5, "reverse": true},
            {"type": "radiogroup", "name": "b", "choices": [
                {"value": "vs", "score": 50}, {"value": "s", "score": 30}, {"value": "d", "score": -10},
                {"value": "na", "notApplicable": true}]},
            {"type": "radiogroup", "name": "overall", "choices": [5, 4, 3, 2, 1]},
            {"type": "rating", "name": "recommend", "rateMin": 0, "rateMax": 10},
            {"type": "rating", "name": "exp", "rateMin": 1, "rateMax": 5},
            {"type": "rating", "name": "per", "rateMin": 1, "rateMax": 5},
            {"type": "radiogroup", "name": "f", "choices": kano},
            {"type": "radiogroup", "name": "d", "choices": kano},
            {"type": "radiogroup", "name": "type", "choices": ["home", "shop"]},
            {"type": "comment", "name": "note"}
        ],
        "scoring": {
            "indicators": [{"name": "A", "children": [{"question": "a"}]}, {"name": "B", "children": [{"question": "b"}]}],
            "overallQuestion": "overall", "npsQuestion": "recommend",
            "grades": {},
            "gaps": [{"name": "g", "expected": "exp", "perceived": "per"}],
            "kano": [{"name": "k", "functional": "f", "dysfunctional": "d",
                      "map": {"love": "like", "must": "expect", "neutral": "neutral", "live": "tolerate", "hate": "dislike"}}],
            "themes": [{"name": "t", "keywords": ["电压", "volt"]}]
        }
    }))
}

const NOTES: [&str; 5] = ["电压低", "ＶＯＬＴ", "fine", " ", "态度"];
const KANO: [&str; 5] = ["love", "must", "neutral", "live", "hate"];

/// One random response: each answer present or not.
fn answers() -> impl Strategy<Value = (Map<String, Value>, Option<u32>)> {
    (
        (
            proptest::option::of(1..=5i64),
            proptest::option::of(0..4usize),
            proptest::option::of(1..=5i64),
            proptest::option::of(0..=10i64),
        ),
        (
            proptest::option::of(1..=5i64),
            proptest::option::of(1..=5i64),
            proptest::option::of(0..5usize),
            proptest::option::of(0..5usize),
        ),
        (
            proptest::option::of(0..2usize),
            proptest::option::of(0..5usize),
            proptest::option::of(0..12u32),
        ),
    )
        .prop_map(
            |((a, b, overall, recommend), (exp, per, f, d), (kind, note, month))| {
                let mut m = Map::new();
                let mut put = |k: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        m.insert(k.to_owned(), v);
                    }
                };
                put("a", a.map(Value::from));
                put("b", b.map(|i| json!(["vs", "s", "d", "na"][i])));
                put("overall", overall.map(Value::from));
                put("recommend", recommend.map(Value::from));
                put("exp", exp.map(Value::from));
                put("per", per.map(Value::from));
                put("f", f.map(|i| json!(KANO[i])));
                put("d", d.map(|i| json!(KANO[i])));
                put("type", kind.map(|i| json!(["home", "shop"][i])));
                put("note", note.map(|i| json!(NOTES[i])));
                (m, month)
            },
        )
}

fn records(fx: &Fx, raw: &[(Map<String, Value>, Option<u32>)]) -> Vec<Response> {
    raw.iter()
        .map(|(answers, month)| {
            let at = month.map(|m| format!("2026-{:02}-15T10:00:00+08:00", m + 1));
            completed_at(
                fx,
                Value::Object(answers.clone()),
                Some(at.as_deref().unwrap_or("undated")),
            )
        })
        .collect()
}

/// Every mean and share of a group, labelled.
fn means_and_shares(g: &GroupReport) -> Vec<(String, Option<f64>)> {
    let mut out = vec![
        ("overall".to_owned(), g.overall.summary.mean),
        ("rawTotal".to_owned(), g.raw_total.mean),
        (
            "satisfaction".to_owned(),
            g.satisfaction.and_then(|s| s.rate),
        ),
        ("nps".to_owned(), g.nps.and_then(|n| n.nps)),
        ("gap".to_owned(), g.gaps[0].gap.mean),
        ("better".to_owned(), g.kano[0].better),
        ("worse".to_owned(), g.kano[0].worse),
        ("theme".to_owned(), g.themes[0].share),
    ];
    for i in &g.items {
        out.extend([
            (format!("{}.x", i.id), i.x.mean),
            (format!("{}.s", i.id), i.score.mean),
            (format!("{}.top", i.id), i.top_box),
            (format!("{}.bottom", i.id), i.bottom_box),
        ]);
    }
    for i in &g.indicators {
        out.push((i.name.clone(), i.score.summary.mean));
    }
    for e in &g.importance {
        out.push((format!("{}.performance", e.indicator), e.performance));
    }
    out
}

fn same(name: &str, x: Option<f64>, y: Option<f64>) -> Result<(), TestCaseError> {
    match (x, y) {
        (None, None) => {}
        (Some(x), Some(y)) => prop_assert!(
            (x - y).abs() <= 1e-9 * (1.0 + x.abs()),
            "{}: {} vs {}",
            name,
            x,
            y
        ),
        _ => prop_assert!(false, "{}: {:?} vs {:?}", name, x, y),
    }
    Ok(())
}

fn shares(g: &GroupReport) -> Vec<Option<f64>> {
    let mut out = vec![
        g.satisfaction.and_then(|s| s.rate),
        g.themes[0].share,
        g.kano[0].better,
        g.kano[0].worse.map(|w| -w),
    ];
    out.extend(g.items.iter().flat_map(|i| [i.top_box, i.bottom_box]));
    out
}

fn all_groups(report: &AggregateReport) -> impl Iterator<Item = &GroupReport> {
    std::iter::once(&report.total).chain(&report.groups)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn nps_and_shares_stay_in_range(raw in proptest::collection::vec(answers(), 0..40)) {
        let fx = survey();
        let options = AggregateOptions { by: Some(Segment::Question("type".into())), period: Some(Period::Quarter) };
        let report = run_with(&fx, &records(&fx, &raw), &options);
        for g in all_groups(&report) {
            if let Some(nps) = g.nps.and_then(|n| n.nps) {
                prop_assert!((-100.0..=100.0).contains(&nps), "nps {}", nps);
            }
            for share in shares(g).into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&share), "share {}", share);
            }
            for i in &g.items {
                if let Some(s) = i.score.mean {
                    prop_assert!((0.0..=100.0).contains(&s));
                }
            }
        }
    }

    #[test]
    fn duplicating_every_response_changes_no_mean_or_share(raw in proptest::collection::vec(answers(), 1..30)) {
        let fx = survey();
        let options = AggregateOptions { by: Some(Segment::Question("type".into())), period: Some(Period::Month) };
        let once = run_with(&fx, &records(&fx, &raw), &options);
        let twice_raw: Vec<_> = raw.iter().chain(&raw).cloned().collect();
        let twice = run_with(&fx, &records(&fx, &twice_raw), &options);
        prop_assert_eq!(twice.total.n, 2 * once.total.n);
        prop_assert_eq!(once.groups.len(), twice.groups.len());
        for (a, b) in all_groups(&once).zip(all_groups(&twice)) {
            prop_assert_eq!(&a.key, &b.key);
            for ((name, x), (_, y)) in means_and_shares(a).into_iter().zip(means_and_shares(b)) {
                same(&name, x, y)?;
            }
            // Pearson's r is unchanged too, once it exists (duplicating 2
            // pairs makes 4, enough for a correlation that 2 were not).
            for (x, y) in a.importance.iter().zip(&b.importance) {
                if x.pairs >= 3 {
                    same(&x.indicator, x.importance, y.importance)?;
                }
            }
        }
    }

    #[test]
    fn single_choice_segments_and_periods_partition_the_responses(raw in proptest::collection::vec(answers(), 0..40)) {
        let fx = survey();
        let options = AggregateOptions { by: Some(Segment::Question("type".into())), period: Some(Period::Month) };
        let report = run_with(&fx, &records(&fx, &raw), &options);
        let segments: u64 = report.groups.iter().filter(|g| g.key.period.is_none()).map(|g| g.n).sum();
        prop_assert_eq!(segments, report.total.n);
        let dated = raw.iter().filter(|r| r.1.is_some()).count() as u64;
        let periods: u64 = report.groups.iter().filter(|g| g.key.segment.is_none() && g.key.period.is_some()).map(|g| g.n).sum();
        prop_assert_eq!(periods, dated);
        let both: u64 = report.groups.iter().filter(|g| g.key.segment.is_some() && g.key.period.is_some()).map(|g| g.n).sum();
        prop_assert_eq!(both, dated);
    }
}
