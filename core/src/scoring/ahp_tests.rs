//! AHP against published examples and exact constructions.

use super::*;

fn full(upper: &[&[f64]]) -> Vec<Vec<f64>> {
    let n = upper.len();
    let written: AhpMatrix = (0..n).map(|i| (0..n).map(|j| (j >= i).then(|| upper[i][j - i])).collect()).collect();
    complete(&written, n).expect("a valid matrix")
}

#[track_caller]
fn near(got: f64, want: f64, tolerance: f64, what: &str) {
    assert!((got - want).abs() <= tolerance, "{what}: got {got}, want {want} ± {tolerance}");
}

/// Saaty, T. L. (1990), "How to make a decision: The Analytic Hierarchy
/// Process", European Journal of Operational Research 48(1), 9–26: the
/// house-buying example, eight criteria (size, transportation,
/// neighbourhood, age, yard, modern facilities, general condition,
/// financing). Published priorities .173 .054 .188 .018 .031 .036 .167 .333,
/// λmax = 9.669, CI = 0.238, CR = 0.169 (to three decimals).
#[test]
fn saaty_house_example() {
    let a = full(&[
        &[1.0, 5.0, 3.0, 7.0, 6.0, 6.0, 1.0 / 3.0, 1.0 / 4.0],
        &[1.0, 1.0 / 3.0, 5.0, 3.0, 3.0, 1.0 / 5.0, 1.0 / 7.0],
        &[1.0, 6.0, 3.0, 4.0, 6.0, 1.0 / 5.0],
        &[1.0, 1.0 / 3.0, 1.0 / 4.0, 1.0 / 7.0, 1.0 / 8.0],
        &[1.0, 1.0 / 2.0, 1.0 / 5.0, 1.0 / 6.0],
        &[1.0, 1.0 / 5.0, 1.0 / 6.0],
        &[1.0, 1.0 / 2.0],
        &[1.0],
    ]);
    let r = ahp(&a);
    let published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333];
    for (i, (got, want)) in r.weights.iter().zip(published).enumerate() {
        near(*got, want, 5e-4, &format!("weight {i}"));
    }
    near(r.weights.iter().sum(), 1.0, 1e-12, "weights sum");
    near(r.lambda_max, 9.669, 5e-4, "λmax");
    near(r.ci, 0.238, 5e-4, "CI");
    near(r.cr, 0.169, 5e-4, "CR");
    assert!(!r.consistent, "CR ≥ 0.10");
    assert!(r.iterations < MAX_ITERATIONS);
}

/// A matrix built from weights w (a_ij = w_i / w_j) is perfectly
/// consistent: the weights come back, λmax = n, CI = CR = 0.
#[test]
fn consistent_matrices_return_their_weights() {
    for w in [vec![0.5, 0.25, 0.125, 0.125], vec![0.6, 0.3, 0.1], vec![0.2; 5], vec![0.4, 0.1, 0.2, 0.1, 0.05, 0.05, 0.1]] {
        let a: Vec<Vec<f64>> = w.iter().map(|wi| w.iter().map(|wj| wi / wj).collect()).collect();
        let r = ahp(&a);
        for (got, want) in r.weights.iter().zip(&w) {
            near(*got, *want, 1e-12, "weight");
        }
        near(r.lambda_max, w.len() as f64, 1e-9, "λmax");
        near(r.ci, 0.0, 1e-9, "CI");
        near(r.cr, 0.0, 1e-9, "CR");
        assert!(r.consistent);
    }
}

#[test]
fn one_and_two_elements() {
    let r = ahp(&[vec![1.0]]);
    assert_eq!((r.weights.as_slice(), r.ci, r.cr, r.consistent), (&[1.0][..], 0.0, 0.0, true));
    let r = ahp(&full(&[&[1.0, 3.0], &[1.0]]));
    near(r.weights[0], 0.75, 1e-12, "w0");
    near(r.weights[1], 0.25, 1e-12, "w1");
    assert_eq!(r.cr, 0.0, "CR = 0 for n ≤ 2");
}

/// CR is CI / RI(n) with Saaty's table; a matrix just consistent enough
/// and one not, around the 0.10 line.
#[test]
fn consistency_ratio_uses_the_random_index() {
    for (upper, consistent) in [
        (&[&[1.0, 3.0, 5.0][..], &[1.0, 2.0], &[1.0]][..], true),
        (&[&[1.0, 9.0, 1.0 / 9.0][..], &[1.0, 9.0], &[1.0]][..], false),
    ] {
        let r = ahp(&full(upper));
        near(r.ci, (r.lambda_max - 3.0) / 2.0, 1e-15, "CI");
        near(r.cr, r.ci / 0.58, 1e-15, "CR");
        assert_eq!(r.consistent, consistent, "CR {}", r.cr);
    }
}

#[test]
fn complete_fills_reciprocals_and_accepts_given_ones() {
    let written: AhpMatrix = vec![vec![Some(1.0), Some(4.0)], vec![Some(0.25), Some(1.0)]];
    assert_eq!(complete(&written, 2).unwrap(), vec![vec![1.0, 4.0], vec![0.25, 1.0]]);
    let written: AhpMatrix = vec![vec![Some(1.0), Some(1.0 / 9.0)], vec![None, Some(1.0)]];
    assert_eq!(complete(&written, 2).unwrap()[1][0], 9.0);
}
