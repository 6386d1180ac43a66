//! Importance–performance analysis (DOMAIN resolved item 19): quadrants
//! split at the means over indicators that have both values; a value within
//! 1e-9 of the mean counts as high.

use super::report::{ImportanceEntry, Quadrant};

/// "Within 1e-9 of the mean counts as high."
pub const QUADRANT_TOLERANCE: f64 = 1e-9;

/// Fills in each entry's quadrant.
pub fn assign_quadrants(entries: &mut [ImportanceEntry]) {
    let both: Vec<(f64, f64)> = entries
        .iter()
        .filter_map(|e| Some((e.importance?, e.performance?)))
        .collect();
    if both.is_empty() {
        return;
    }
    let n = both.len() as f64;
    let mean_importance = both.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_performance = both.iter().map(|p| p.1).sum::<f64>() / n;
    for e in entries {
        let (Some(i), Some(p)) = (e.importance, e.performance) else {
            continue;
        };
        let high_importance = i >= mean_importance - QUADRANT_TOLERANCE;
        let high_performance = p >= mean_performance - QUADRANT_TOLERANCE;
        e.quadrant = Some(match (high_importance, high_performance) {
            (true, false) => Quadrant::ImproveFirst,
            (true, true) => Quadrant::KeepUp,
            (false, true) => Quadrant::PossibleOverkill,
            (false, false) => Quadrant::LowPriority,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, importance: Option<f64>, performance: Option<f64>) -> ImportanceEntry {
        ImportanceEntry {
            indicator: name.into(),
            importance,
            pairs: 0,
            performance,
            quadrant: None,
        }
    }

    #[test]
    fn quadrants_by_hand() {
        // Means over a, b, c, d: importance 0.5, performance 75; e lacks
        // importance and takes no part.
        let mut entries = vec![
            entry("a", Some(0.8), Some(60.0)),
            entry("b", Some(0.7), Some(90.0)),
            entry("c", Some(0.2), Some(80.0)),
            entry("d", Some(0.3), Some(70.0)),
            entry("e", None, Some(10.0)),
        ];
        assign_quadrants(&mut entries);
        let got: Vec<Option<Quadrant>> = entries.iter().map(|e| e.quadrant).collect();
        assert_eq!(
            got,
            [
                Some(Quadrant::ImproveFirst),
                Some(Quadrant::KeepUp),
                Some(Quadrant::PossibleOverkill),
                Some(Quadrant::LowPriority),
                None
            ]
        );
    }

    #[test]
    fn at_the_mean_within_tolerance_counts_as_high() {
        // Means 0.5 and 70: "b" sits exactly on both.
        let mut entries = vec![
            entry("a", Some(0.3), Some(50.0)),
            entry("b", Some(0.5), Some(70.0)),
            entry("c", Some(0.7), Some(90.0)),
        ];
        assign_quadrants(&mut entries);
        assert_eq!(entries[0].quadrant, Some(Quadrant::LowPriority));
        assert_eq!(entries[1].quadrant, Some(Quadrant::KeepUp));
        // A lone indicator is its own mean.
        let mut single = vec![entry("only", Some(0.4), Some(40.0))];
        assign_quadrants(&mut single);
        assert_eq!(single[0].quadrant, Some(Quadrant::KeepUp));
        // 4e-10 below the mean is within 1e-9: high; 2e-9 below is not.
        for (offset, want) in [(4e-10, Quadrant::KeepUp), (2e-9, Quadrant::LowPriority)] {
            let mut pair = vec![
                entry("x", Some(0.5 - offset), Some(70.0 - offset)),
                entry("y", Some(0.5 + offset), Some(70.0 + offset)),
            ];
            assign_quadrants(&mut pair);
            assert_eq!(pair[0].quadrant, Some(want), "offset {offset}");
            assert_eq!(pair[1].quadrant, Some(Quadrant::KeepUp));
        }
    }
}
