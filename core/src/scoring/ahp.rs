//! The Analytic Hierarchy Process (层次分析法), DOMAIN resolved item 10:
//! weights from a pairwise-comparison matrix on Saaty's 1–9 scale, and the
//! consistency check that tells experts when their judgments contradict.

use serde::Serialize;

use crate::survey::AhpMatrix;

/// Saaty's random consistency index RI(n) for n = 1…10.
pub const RANDOM_INDEX: [f64; 10] = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
/// The largest matrix RI is known for; bigger ones are a load error.
pub const MAX_SIZE: usize = 10;
/// Power iteration stops once no weight changes by this much.
pub const TOLERANCE: f64 = 1e-12;
/// Power iteration gives up after this many steps.
pub const MAX_ITERATIONS: u32 = 10_000;
/// CR at or above this is reported as inconsistent.
pub const CR_LIMIT: f64 = 0.10;

/// Weights and consistency of one pairwise-comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AhpResult {
    /// The principal eigenvector, normalised to sum 1, in matrix order.
    pub weights: Vec<f64>,
    /// Mean of `(A·w)_i / w_i`.
    pub lambda_max: f64,
    /// `(λmax − n) / (n − 1)`; 0 for n = 1.
    pub ci: f64,
    /// `CI / RI(n)`; 0 for n ≤ 2.
    pub cr: f64,
    /// `CR < 0.10`.
    pub consistent: bool,
    /// Power-iteration steps taken.
    pub iterations: u32,
}

/// Solves a complete positive reciprocal matrix (as [`complete`] returns
/// it): power iteration from the uniform vector, each step `w ← A·w / Σ`,
/// until the largest change is below 1e-12 (at most 10,000 steps).
/// Precondition: square with 1 ≤ n ≤ 10; for larger n the CR is NaN.
pub fn ahp(matrix: &[Vec<f64>]) -> AhpResult {
    let n = matrix.len();
    debug_assert!(matrix.iter().all(|row| row.len() == n));
    let multiply = |w: &[f64]| -> Vec<f64> {
        matrix.iter().map(|row| row.iter().zip(w).map(|(a, b)| a * b).sum()).collect()
    };
    let mut w = vec![1.0 / n as f64; n];
    let mut iterations = 0;
    while iterations < MAX_ITERATIONS {
        iterations += 1;
        let mut next = multiply(&w);
        let sum: f64 = next.iter().sum();
        next.iter_mut().for_each(|v| *v /= sum);
        let change = next.iter().zip(&w).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        w = next;
        if change < TOLERANCE {
            break;
        }
    }
    let aw = multiply(&w);
    let lambda_max = aw.iter().zip(&w).map(|(a, b)| a / b).sum::<f64>() / n as f64;
    let ci = if n > 1 { (lambda_max - n as f64) / (n as f64 - 1.0) } else { 0.0 };
    let cr = match n {
        0..=2 => 0.0,
        _ => RANDOM_INDEX.get(n - 1).map_or(f64::NAN, |ri| ci / ri),
    };
    AhpResult { weights: w, lambda_max, ci, cr, consistent: cr < CR_LIMIT, iterations }
}

/// What is wrong with a matrix as written. Messages name the cell
/// (`ahp[0][2]`); the caller prefixes the indicator.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AhpMatrixError {
    #[error("the AHP matrix has {rows} rows but there are {n} elements to compare")]
    WrongRows { rows: usize, n: usize },
    #[error("ahp[{row}] has {len} entries but there are {n} elements to compare")]
    WrongColumns { row: usize, len: usize, n: usize },
    #[error("the AHP matrix compares {n} elements; at most {MAX_SIZE} are allowed")]
    TooLarge { n: usize },
    #[error("ahp[{row}][{col}] is missing")]
    Missing { row: usize, col: usize },
    #[error("ahp[{row}][{col}] must be 1, found {value}")]
    Diagonal { row: usize, col: usize, value: f64 },
    #[error("ahp[{row}][{col}] is {value}, outside [1/9, 9]")]
    OutOfScale { row: usize, col: usize, value: f64 },
    #[error("ahp[{row}][{col}] is {value}, not the reciprocal of ahp[{col}][{row}] = {upper}")]
    NotReciprocal { row: usize, col: usize, value: f64, upper: f64 },
}

/// Checks a matrix as written over `n` elements and fills the lower
/// triangle with reciprocals. Upper-triangle values must lie in [1/9, 9]
/// (allowing 1e-9 for decimal spellings of 1/9); lower-triangle values, when
/// given, must be the reciprocal within 1e-9; the diagonal must be 1.
pub fn complete(matrix: &AhpMatrix, n: usize) -> Result<Vec<Vec<f64>>, Vec<AhpMatrixError>> {
    if matrix.len() != n {
        return Err(vec![AhpMatrixError::WrongRows { rows: matrix.len(), n }]);
    }
    if n > MAX_SIZE {
        return Err(vec![AhpMatrixError::TooLarge { n }]);
    }
    let mut errors = Vec::new();
    for (row, entries) in matrix.iter().enumerate() {
        if entries.len() != n {
            errors.push(AhpMatrixError::WrongColumns { row, len: entries.len(), n });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let scale = 1.0 / 9.0 - 1e-9..=9.0 + 1e-9;
    let mut full = vec![vec![1.0; n]; n];
    for (row, entries) in matrix.iter().enumerate() {
        for (col, value) in entries.iter().enumerate().skip(row) {
            match *value {
                Some(1.0) if row == col => {}
                Some(v) if row == col => errors.push(AhpMatrixError::Diagonal { row, col, value: v }),
                None => errors.push(AhpMatrixError::Missing { row, col }),
                Some(v) if !scale.contains(&v) => errors.push(AhpMatrixError::OutOfScale { row, col, value: v }),
                Some(v) => {
                    full[row][col] = v;
                    full[col][row] = 1.0 / v;
                }
            }
        }
    }
    // Lower-triangle entries, when written, must agree with the upper ones.
    for (row, entries) in matrix.iter().enumerate() {
        for (col, value) in entries.iter().enumerate().take(row) {
            if let (Some(value), Some(upper)) = (*value, matrix[col][row]) {
                if (value - 1.0 / upper).abs() > 1e-9 || value.is_nan() {
                    errors.push(AhpMatrixError::NotReciprocal { row, col, value, upper });
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(full)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
#[path = "ahp_tests.rs"]
mod tests;
