//! Properties over random indicator trees and answers.

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};

use canvass_core::scoring::{ScoreReport, ScoringModel};
use canvass_core::survey::{ChildSpec, Survey};

use crate::support::*;

#[derive(Debug, Clone)]
struct Case {
    /// Per item: choice scores, reverse, question weight.
    items: Vec<(Vec<i32>, bool, f64)>,
    /// Per item: its indicator.
    groups: Vec<usize>,
    /// Indicator k names indicator k + 1 as a child (one chain) instead of
    /// all indicators being top level.
    nest: bool,
    mins: Vec<f64>,
    top_weights: Vec<f64>,
    /// Per item: None = skipped; Some(j) = choice j mod (choices + 1), the last being N/A.
    answers: Vec<Option<usize>>,
}

fn case(weights: Vec<f64>) -> impl Strategy<Value = Case> {
    let item = (prop::collection::vec(-20i32..50, 2..6), any::<bool>(), select(weights.clone()));
    (prop::collection::vec(item, 1..9), 1usize..4).prop_flat_map(move |(mut items, n_ind)| {
        for (scores, _, _) in &mut items {
            if scores.iter().all(|s| *s == scores[0]) {
                scores[0] -= 1;
            }
        }
        let n = items.len();
        let n_ind = n_ind.min(n);
        (
            Just(items),
            prop::collection::vec(0..n_ind, n),
            any::<bool>(),
            prop::collection::vec(select(vec![0.0, 0.3, 0.5, 1.0]), n_ind),
            prop::collection::vec(select(weights.clone()), n_ind),
            prop::collection::vec(prop::option::of(0usize..7), n),
        )
            .prop_map(|(items, mut groups, nest, mins, top_weights, answers)| {
                // Every indicator gets at least one item.
                for (k, g) in groups.iter_mut().enumerate().take(mins.len()) {
                    *g = k;
                }
                Case { items, groups, nest, mins, top_weights, answers }
            })
    })
}

impl Case {
    /// The survey, with every child's weight scaled by `scale` when given
    /// (explicit child weights instead of the questions' defaults).
    fn survey(&self, scale: Option<f64>, permute: bool) -> Survey {
        let questions = self
            .items
            .iter()
            .enumerate()
            .map(|(i, (scores, reverse, w))| {
                let mut choices: Vec<_> = scores.iter().enumerate().map(|(j, s)| cs(format!("c{j}"), *s as f64)).collect();
                choices.push(na("na"));
                let q = radio(&format!("q{i}"), choices).weight(*w);
                if *reverse { q.reverse() } else { q }
            })
            .collect();
        let mut builder = survey(questions);
        let n_ind = self.mins.len();
        for k in 0..n_ind {
            let mut children: Vec<ChildSpec> = (0..self.items.len())
                .filter(|&i| self.groups[i] == k)
                .map(|i| {
                    let name = format!("q{i}");
                    match scale {
                        Some(c) => qw(&name, self.items[i].2 * c),
                        None => q(&name),
                    }
                })
                .collect();
            if self.nest && k + 1 < n_ind {
                children.push(subw(&format!("i{}", k + 1), scale.unwrap_or(1.0)));
            }
            if permute {
                children.reverse();
                let by = k % children.len();
                children.rotate_left(by);
            }
            let mut spec = ind(&format!("i{k}"), children);
            spec.min_answered = self.mins[k];
            builder = builder.indicator(spec);
        }
        let top: Vec<(String, f64)> = if self.nest {
            vec![("i0".to_owned(), self.top_weights[0] * scale.unwrap_or(1.0))]
        } else {
            (0..n_ind).map(|k| (format!("i{k}"), self.top_weights[k] * scale.unwrap_or(1.0))).collect()
        };
        builder.scoring(|s| s.top_weights = top.into_iter().collect()).build()
    }

    fn answers(&self, pick: impl Fn(usize, &[i32], bool) -> Option<usize>) -> Value {
        let mut map = Map::new();
        for (i, (scores, reverse, _)) in self.items.iter().enumerate() {
            if let Some(j) = pick(i, scores, *reverse) {
                let value = if j < scores.len() { format!("c{j}") } else { "na".to_owned() };
                map.insert(format!("q{i}"), json!(value));
            }
        }
        Value::Object(map)
    }

    fn given(&self) -> Value {
        self.answers(|i, scores, _| self.answers[i].map(|j| j % (scores.len() + 1)))
    }
}

fn model(survey: &Survey) -> ScoringModel {
    ScoringModel::compile(survey).unwrap_or_else(|e| panic!("{:#?}", messages(&e))).0
}

/// Every score in the report: items, indicators, overall.
fn scores(report: &ScoreReport) -> Vec<Option<f64>> {
    let items = report.items.iter().map(|i| i.score);
    let indicators = report.indicators.iter().map(|i| i.score);
    items.chain(indicators).chain([report.overall]).collect()
}

fn same_scores(a: &ScoreReport, b: &ScoreReport) -> Result<(), TestCaseError> {
    for (x, y) in scores(a).into_iter().zip(scores(b)) {
        match (x, y) {
            (Some(x), Some(y)) => prop_assert!((x - y).abs() <= 1e-9, "{x} vs {y}"),
            _ => prop_assert_eq!(x, y),
        }
    }
    Ok(())
}

const ANY_WEIGHT: [f64; 5] = [0.0, 0.5, 1.0, 2.0, 3.7];

proptest! {
    #[test]
    fn every_score_lies_in_0_to_100(case in case(ANY_WEIGHT.to_vec())) {
        let report = score(&model(&case.survey(None, false)), case.given());
        for s in scores(&report).into_iter().flatten() {
            prop_assert!((0.0..=100.0).contains(&s), "score {s}");
        }
        for i in &report.indicators {
            prop_assert!((0.0..=1.0).contains(&i.answered_share));
        }
    }

    #[test]
    fn permuting_children_changes_nothing(case in case(ANY_WEIGHT.to_vec())) {
        let a = score(&model(&case.survey(None, false)), case.given());
        let b = score(&model(&case.survey(None, true)), case.given());
        same_scores(&a, &b)?;
    }

    #[test]
    fn scaling_every_weight_changes_nothing(case in case(ANY_WEIGHT.to_vec()), c in prop_oneof![0.001..1.0, 1.0..1000.0]) {
        let a = score(&model(&case.survey(Some(1.0), false)), case.given());
        let b = score(&model(&case.survey(Some(c), false)), case.given());
        same_scores(&a, &b)?;
        let plain = score(&model(&case.survey(None, false)), case.given());
        same_scores(&a, &plain)?;
    }

    #[test]
    fn all_answers_at_the_top_score_100_and_at_the_bottom_0(case in case(vec![0.5, 1.0, 2.0, 3.7])) {
        let model = model(&case.survey(None, false));
        let best = |want_max: bool| move |_: usize, scores: &[i32], reverse: bool| {
            let at = |f: fn(i32, i32) -> bool| (0..scores.len()).reduce(|a, b| if f(scores[b], scores[a]) { b } else { a });
            if want_max != reverse { at(|x, y| x > y) } else { at(|x, y| x < y) }
        };
        let top = score(&model, case.answers(best(true)));
        prop_assert_eq!(top.overall, Some(100.0));
        prop_assert!(top.indicators.iter().all(|i| i.score == Some(100.0)));
        let bottom = score(&model, case.answers(best(false)));
        prop_assert_eq!(bottom.overall, Some(0.0));
    }

    #[test]
    fn reversing_twice_is_the_identity(case in case(ANY_WEIGHT.to_vec())) {
        let once = Case { items: case.items.iter().map(|(s, r, w)| (s.clone(), !r, *w)).collect(), ..case.clone() };
        let twice = Case { items: once.items.iter().map(|(s, r, w)| (s.clone(), !r, *w)).collect(), ..once.clone() };
        let (m0, m1, m2) = (model(&case.survey(None, false)), model(&once.survey(None, false)), model(&twice.survey(None, false)));
        prop_assert_eq!(m0.items(), m2.items());
        let (r0, r1, r2) = (score(&m0, case.given()), score(&m1, case.given()), score(&m2, case.given()));
        prop_assert_eq!(&r0, &r2);
        for ((a, b), item) in r0.items.iter().zip(&r1.items).zip(m0.items()) {
            // The non-reversed score s is computed; the reversed one is exactly 100 − s.
            let (plain, reversed) = if item.reverse { (b, a) } else { (a, b) };
            prop_assert_eq!(plain.score.map(|s| 100.0 - s), reversed.score);
            let mut points = item.scale_points.clone();
            points.reverse();
            prop_assert_eq!(&points, &m1.item(&item.id).unwrap().scale_points);
        }
    }
}
