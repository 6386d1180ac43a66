//! Importance–performance analysis (DOMAIN resolved item 19).

use canvass_core::aggregate::Quadrant;
use serde_json::json;

use super::{close, done, fixture, run, Fx};

fn rating(name: &str) -> serde_json::Value {
    json!({"type": "rating", "name": name, "rateMin": 0, "rateMax": 10})
}

/// Three one-question indicators; `overall` (1–5, unscored) is named as
/// the overall-satisfaction question when `named`.
fn survey(named: bool) -> Fx {
    let mut scoring = json!({"indicators": [
        {"name": "A", "children": [{"question": "a"}]},
        {"name": "B", "children": [{"question": "b"}]},
        {"name": "C", "children": [{"question": "c"}]}
    ]});
    if named {
        scoring["overallQuestion"] = json!("overall");
    }
    fixture(json!({
        "elements": [rating("a"), rating("b"), rating("c"), {"type": "rating", "name": "overall", "rateMin": 1, "rateMax": 5}],
        "scoring": scoring
    }))
}

/// Two-pass Pearson, written out independently of the library's.
fn pearson(pairs: &[(f64, f64)]) -> f64 {
    let n = pairs.len() as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let sxy: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = pairs.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let syy: f64 = pairs.iter().map(|p| (p.1 - my).powi(2)).sum();
    sxy / (sxx * syy).sqrt()
}

#[test]
fn correlation_with_the_overall_question_and_quadrants() {
    let fx = survey(true);
    // Indicator scores are 10·answer; the reference is s = 25(overall − 1).
    // r4 has no overall answer: it counts for performance only.
    let records = vec![
        done(&fx, json!({"a": 2, "b": 5, "c": 8, "overall": 1})),
        done(&fx, json!({"a": 4, "b": 5, "c": 6, "overall": 3})),
        done(&fx, json!({"a": 6, "b": 5, "c": 7, "overall": 4})),
        done(&fx, json!({"a": 9, "b": 5})),
    ];
    let t = run(&fx, &records).total;
    let [a, b, c] = [&t.importance[0], &t.importance[1], &t.importance[2]];
    // y = 0, 50, 75 (mean 125/3): Syy = 26250/9.
    // A: x = 20, 40, 60 → Sxy = 1500, Sxx = 800.
    close(a.importance, 1500.0 / (800.0f64 * 26250.0 / 9.0).sqrt());
    // C: x = 80, 60, 70 → Sxy = −500, Sxx = 200.
    close(c.importance, -500.0 / (200.0f64 * 26250.0 / 9.0).sqrt());
    // B is constant: zero variance, no importance, no quadrant.
    assert_eq!((b.importance, b.quadrant, b.pairs), (None, None, 3));
    assert_eq!(a.pairs, 3);
    // Performance over all four responses: A (20+40+60+90)/4.
    close(a.performance, 52.5);
    close(b.performance, 50.0);
    close(c.performance, 70.0);
    // Means over A and C: importance ≈ 0.164, performance 61.25.
    assert_eq!(a.quadrant, Some(Quadrant::ImproveFirst));
    assert_eq!(c.quadrant, Some(Quadrant::PossibleOverkill));
}

#[test]
fn the_overall_score_stands_in_without_an_overall_question() {
    let fx = survey(false);
    let answers = [(2, 4, 6), (4, 4, 1), (8, 6, 5), (3, 9, 9)];
    let records: Vec<_> = answers
        .iter()
        .map(|&(a, b, c)| done(&fx, json!({"a": a, "b": b, "c": c})))
        .collect();
    let t = run(&fx, &records).total;
    let overall: Vec<f64> = answers
        .iter()
        .map(|&(a, b, c)| 10.0 * (a + b + c) as f64 / 3.0)
        .collect();
    let a: Vec<(f64, f64)> = answers
        .iter()
        .zip(&overall)
        .map(|(x, &y)| (10.0 * x.0 as f64, y))
        .collect();
    close(t.importance[0].importance, pearson(&a));
    assert_eq!(t.importance[0].pairs, 4);
}

#[test]
fn fewer_than_three_pairs_give_no_importance() {
    let fx = survey(true);
    let records = vec![
        done(&fx, json!({"a": 2, "b": 5, "c": 8, "overall": 1})),
        done(&fx, json!({"a": 4, "b": 6, "c": 6, "overall": 3})),
        done(&fx, json!({"a": 9, "b": 1, "c": 1})),
    ];
    let t = run(&fx, &records).total;
    for e in &t.importance {
        assert_eq!(
            (e.importance, e.quadrant, e.pairs),
            (None, None, 2),
            "{}",
            e.indicator
        );
        assert!(e.performance.is_some());
    }
}

#[test]
fn no_importance_for_the_implicit_indicator() {
    let fx = fixture(json!({"elements": [{"type": "rating", "name": "q", "scored": true}]}));
    let records: Vec<_> = (1..=5).map(|x| done(&fx, json!({"q": x}))).collect();
    assert!(run(&fx, &records).total.importance.is_empty());
}
