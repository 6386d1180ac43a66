//! Descriptive statistics that can be accumulated one value at a time and
//! merged: groups are built from small cells (segment × period) and merged
//! into totals, so every response is read once whatever the grouping.

use serde::Serialize;

/// Mean and sample standard deviation of some values (DOMAIN: SD over
/// n − 1, missing below 2 values; mean missing with no value).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// How many values were not missing.
    pub n: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
}

/// Running count, mean and sum of squared deviations (Welford), mergeable
/// with Chan's formula. Stable where the textbook Σx² − (Σx)²/n is not.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    n: u64,
    mean: f64,
    m2: f64,
}

impl Moments {
    /// Adds one value.
    pub fn push(&mut self, x: f64) {
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
    }

    /// Adds a value that occurs `count` times at once (a histogram bin).
    pub fn push_many(&mut self, x: f64, count: u64) {
        if count > 0 {
            self.merge(&Moments {
                n: count,
                mean: x,
                m2: 0.0,
            });
        }
    }

    /// Adds every value `other` has seen.
    pub fn merge(&mut self, other: &Moments) {
        if other.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = *other;
            return;
        }
        let n = self.n + other.n;
        let delta = other.mean - self.mean;
        let (na, nb) = (self.n as f64, other.n as f64);
        self.mean += delta * nb / n as f64;
        self.m2 += other.m2 + delta * delta * na * nb / n as f64;
        self.n = n;
    }

    /// How many values were added.
    pub fn count(&self) -> u64 {
        self.n
    }

    /// Mean and sample SD.
    pub fn summary(&self) -> Summary {
        Summary {
            n: self.n,
            mean: (self.n > 0).then_some(self.mean),
            sd: (self.n > 1).then(|| (self.m2.max(0.0) / (self.n - 1) as f64).sqrt()),
        }
    }
}

/// The tolerance of DOMAIN's "zero variance" test (`max − min ≤ 1e-9`).
pub const ZERO_SPREAD: f64 = 1e-9;

/// Running co-moments of pairs `(x, y)`, for the Pearson correlation, with
/// each side's min and max for the zero-variance test. Mergeable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoMoments {
    n: u64,
    mean_x: f64,
    mean_y: f64,
    m2_x: f64,
    m2_y: f64,
    c_xy: f64,
    min_x: f64,
    max_x: f64,
    min_y: f64,
    max_y: f64,
}

impl Default for CoMoments {
    fn default() -> Self {
        CoMoments {
            n: 0,
            mean_x: 0.0,
            mean_y: 0.0,
            m2_x: 0.0,
            m2_y: 0.0,
            c_xy: 0.0,
            min_x: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            min_y: f64::INFINITY,
            max_y: f64::NEG_INFINITY,
        }
    }
}

impl CoMoments {
    /// Adds one pair (Welford's update, one division).
    pub fn push(&mut self, x: f64, y: f64) {
        self.n += 1;
        let inv = 1.0 / self.n as f64;
        let dx = x - self.mean_x;
        let dy = y - self.mean_y;
        self.mean_x += dx * inv;
        self.mean_y += dy * inv;
        self.m2_x += dx * (x - self.mean_x);
        self.m2_y += dy * (y - self.mean_y);
        self.c_xy += dx * (y - self.mean_y);
        self.min_x = self.min_x.min(x);
        self.max_x = self.max_x.max(x);
        self.min_y = self.min_y.min(y);
        self.max_y = self.max_y.max(y);
    }

    /// Adds every pair `other` has seen.
    pub fn merge(&mut self, other: &CoMoments) {
        if other.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = *other;
            return;
        }
        let n = (self.n + other.n) as f64;
        let (na, nb) = (self.n as f64, other.n as f64);
        let dx = other.mean_x - self.mean_x;
        let dy = other.mean_y - self.mean_y;
        self.m2_x += other.m2_x + dx * dx * na * nb / n;
        self.m2_y += other.m2_y + dy * dy * na * nb / n;
        self.c_xy += other.c_xy + dx * dy * na * nb / n;
        self.mean_x += dx * nb / n;
        self.mean_y += dy * nb / n;
        self.n += other.n;
        self.min_x = self.min_x.min(other.min_x);
        self.max_x = self.max_x.max(other.max_x);
        self.min_y = self.min_y.min(other.min_y);
        self.max_y = self.max_y.max(other.max_y);
    }

    /// How many pairs were added.
    pub fn count(&self) -> u64 {
        self.n
    }

    /// Pearson's r; missing with fewer than 3 pairs or when either side
    /// has zero variance (`max − min ≤ 1e-9`, DOMAIN resolved item 19).
    pub fn pearson(&self) -> Option<f64> {
        if self.n < 3
            || self.max_x - self.min_x <= ZERO_SPREAD
            || self.max_y - self.min_y <= ZERO_SPREAD
        {
            return None;
        }
        let r = self.c_xy / (self.m2_x * self.m2_y).sqrt();
        Some(r.clamp(-1.0, 1.0))
    }
}

/// `part / whole` as a share in 0–1, missing when `whole` is 0.
pub fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12 * (1.0 + b.abs())
    }

    #[test]
    fn mean_and_sample_sd_by_hand() {
        // (values, mean, sd): 2,4,4,4,5,5,7,9 → mean 5, Σ(x−5)² = 32, sd = √(32/7).
        let cases: &[(&[f64], Option<f64>, Option<f64>)] = &[
            (&[], None, None),
            (&[7.5], Some(7.5), None),
            (&[1.0, 3.0], Some(2.0), Some(2f64.sqrt())),
            (
                &[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0],
                Some(5.0),
                Some((32.0f64 / 7.0).sqrt()),
            ),
            (
                &[-10.0, 0.0, 50.0],
                Some(40.0 / 3.0),
                Some(
                    (((-10.0f64 - 40.0 / 3.0).powi(2)
                        + (40.0f64 / 3.0).powi(2)
                        + (50.0f64 - 40.0 / 3.0).powi(2))
                        / 2.0)
                        .sqrt(),
                ),
            ),
            (&[3.0, 3.0, 3.0], Some(3.0), Some(0.0)),
        ];
        for (values, mean, sd) in cases {
            let mut m = Moments::default();
            values.iter().for_each(|&x| m.push(x));
            let s = m.summary();
            assert_eq!(s.n, values.len() as u64);
            assert_eq!(s.mean.is_some(), mean.is_some(), "{values:?}");
            assert_eq!(s.sd.is_some(), sd.is_some(), "{values:?}");
            if let (Some(a), Some(b)) = (s.mean, mean) {
                assert!(close(a, *b), "{values:?}: mean {a} vs {b}");
            }
            if let (Some(a), Some(b)) = (s.sd, sd) {
                assert!(close(a, *b), "{values:?}: sd {a} vs {b}");
            }
        }
    }

    #[test]
    fn merging_equals_pushing_everything() {
        let (left, right) = ([1.0, 2.0, 10.0], [4.0, 4.0, -3.0, 8.5]);
        let mut a = Moments::default();
        left.iter().for_each(|&x| a.push(x));
        let mut b = Moments::default();
        right.iter().for_each(|&x| b.push(x));
        let mut all = Moments::default();
        left.iter().chain(&right).for_each(|&x| all.push(x));
        a.merge(&b);
        let (m, w) = (a.summary(), all.summary());
        assert_eq!(m.n, 7);
        assert!(close(m.mean.unwrap(), w.mean.unwrap()));
        assert!(close(m.sd.unwrap(), w.sd.unwrap()));
        let mut h = Moments::default();
        h.push_many(4.0, 2);
        h.push(1.0);
        assert!(close(h.summary().mean.unwrap(), 3.0));
        assert!(close(h.summary().sd.unwrap(), 3f64.sqrt()));
    }

    #[test]
    fn pearson_by_hand() {
        // x = 1,2,3,4; y = 2,4,5,4: x̄ = 2.5, ȳ = 3.75, Sxy = 3.5, Sxx = 5, Syy = 4.75.
        let r = 3.5 / (5.0f64 * 4.75).sqrt();
        type Case<'a> = (&'a [(f64, f64)], Option<f64>);
        let cases: &[Case<'_>] = &[
            (&[(1.0, 2.0), (2.0, 4.0), (3.0, 5.0), (4.0, 4.0)], Some(r)),
            (&[(1.0, 10.0), (2.0, 20.0), (3.0, 30.0)], Some(1.0)),
            (&[(1.0, 30.0), (2.0, 20.0), (3.0, 10.0)], Some(-1.0)),
            // Fewer than 3 pairs.
            (&[(1.0, 2.0), (2.0, 4.0)], None),
            // Zero variance on one side, exactly and within 1e-9.
            (&[(5.0, 1.0), (5.0, 2.0), (5.0, 3.0)], None),
            (&[(1.0, 7.0), (2.0, 7.0 + 5e-10), (3.0, 7.0)], None),
        ];
        for (pairs, want) in cases {
            let mut c = CoMoments::default();
            pairs.iter().for_each(|&(x, y)| c.push(x, y));
            match (c.pearson(), want) {
                (None, None) => {}
                (Some(a), Some(b)) => assert!(close(a, *b), "{pairs:?}: {a} vs {b}"),
                (got, want) => panic!("{pairs:?}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn share_is_missing_over_nothing() {
        assert_eq!(share(0, 0), None);
        assert_eq!(share(1, 4), Some(0.25));
    }
}
