//! Kano classification (DOMAIN "Kano", resolved item 18): each answered
//! (functional, dysfunctional) pair is classified by the standard evaluation
//! table; a feature's category is the most frequent class.

use serde::{Deserialize, Serialize};

use super::stats::share;

/// The five Kano answer options a survey maps its choices to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum KanoOption {
    Like,
    Expect,
    Neutral,
    Tolerate,
    Dislike,
}

/// A Kano class. Declared in the tie-break order (M > O > A > I > R > Q).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum KanoCategory {
    /// M: expected; its absence dissatisfies.
    MustBe,
    /// O: more is better, less is worse.
    OneDimensional,
    /// A: delights when present, not missed when absent.
    Attractive,
    /// I: nobody cares.
    Indifferent,
    /// R: the respondent prefers it absent.
    Reverse,
    /// Q: contradictory answers.
    Questionable,
}

/// The standard evaluation table: rows functional, columns dysfunctional.
pub fn classify(functional: KanoOption, dysfunctional: KanoOption) -> KanoCategory {
    use KanoCategory::*;
    use KanoOption::*;
    match (functional, dysfunctional) {
        (Like, Like) | (Dislike, Dislike) => Questionable,
        (Like, Dislike) => OneDimensional,
        (Like, _) => Attractive,
        (Dislike, _) | (_, Like) => Reverse,
        (_, Dislike) => MustBe,
        _ => Indifferent,
    }
}

/// How many answered pairs fell in each class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KanoCounts {
    pub must_be: u64,
    pub one_dimensional: u64,
    pub attractive: u64,
    pub indifferent: u64,
    pub reverse: u64,
    pub questionable: u64,
}

impl KanoCounts {
    /// Counts one classified pair.
    pub fn add(&mut self, category: KanoCategory) {
        *self.slot(category) += 1;
    }

    /// Adds another set of counts.
    pub fn merge(&mut self, other: &KanoCounts) {
        for c in ALL {
            *self.slot(c) += other.get(c);
        }
    }

    fn slot(&mut self, category: KanoCategory) -> &mut u64 {
        match category {
            KanoCategory::MustBe => &mut self.must_be,
            KanoCategory::OneDimensional => &mut self.one_dimensional,
            KanoCategory::Attractive => &mut self.attractive,
            KanoCategory::Indifferent => &mut self.indifferent,
            KanoCategory::Reverse => &mut self.reverse,
            KanoCategory::Questionable => &mut self.questionable,
        }
    }

    /// The count of one class.
    pub fn get(&self, category: KanoCategory) -> u64 {
        match category {
            KanoCategory::MustBe => self.must_be,
            KanoCategory::OneDimensional => self.one_dimensional,
            KanoCategory::Attractive => self.attractive,
            KanoCategory::Indifferent => self.indifferent,
            KanoCategory::Reverse => self.reverse,
            KanoCategory::Questionable => self.questionable,
        }
    }

    /// Answered pairs in total.
    pub fn total(&self) -> u64 {
        ALL.iter().map(|&c| self.get(c)).sum()
    }

    /// The most frequent class, ties broken M > O > A > I > R > Q;
    /// missing with no answered pair.
    pub fn category(&self) -> Option<KanoCategory> {
        let best = ALL.iter().map(|&c| self.get(c)).max()?;
        (best > 0).then(|| {
            *ALL.iter()
                .find(|&&c| self.get(c) == best)
                .expect("max exists")
        })
    }

    /// Better = (A+O)/(A+O+M+I); missing when the denominator is 0.
    pub fn better(&self) -> Option<f64> {
        share(self.attractive + self.one_dimensional, self.relevant())
    }

    /// Worse = −(O+M)/(A+O+M+I); missing when the denominator is 0.
    pub fn worse(&self) -> Option<f64> {
        share(self.one_dimensional + self.must_be, self.relevant()).map(|s| 0.0 - s)
    }

    fn relevant(&self) -> u64 {
        self.attractive + self.one_dimensional + self.must_be + self.indifferent
    }
}

/// Every class in tie-break order.
const ALL: [KanoCategory; 6] = [
    KanoCategory::MustBe,
    KanoCategory::OneDimensional,
    KanoCategory::Attractive,
    KanoCategory::Indifferent,
    KanoCategory::Reverse,
    KanoCategory::Questionable,
];

#[cfg(test)]
mod tests {
    use super::*;
    use KanoCategory::*;
    use KanoOption::*;

    #[test]
    fn evaluation_table_all_25_cells() {
        let options = [Like, Expect, Neutral, Tolerate, Dislike];
        // Rows functional, columns dysfunctional, exactly as DOMAIN.md.
        let table = [
            [
                Questionable,
                Attractive,
                Attractive,
                Attractive,
                OneDimensional,
            ],
            [Reverse, Indifferent, Indifferent, Indifferent, MustBe],
            [Reverse, Indifferent, Indifferent, Indifferent, MustBe],
            [Reverse, Indifferent, Indifferent, Indifferent, MustBe],
            [Reverse, Reverse, Reverse, Reverse, Questionable],
        ];
        for (r, &f) in options.iter().enumerate() {
            for (c, &d) in options.iter().enumerate() {
                assert_eq!(
                    classify(f, d),
                    table[r][c],
                    "functional {f:?}, dysfunctional {d:?}"
                );
            }
        }
    }

    fn counts(m: u64, o: u64, a: u64, i: u64, r: u64, q: u64) -> KanoCounts {
        KanoCounts {
            must_be: m,
            one_dimensional: o,
            attractive: a,
            indifferent: i,
            reverse: r,
            questionable: q,
        }
    }

    #[test]
    fn category_better_worse_by_hand() {
        let cases = [
            // (M, O, A, I, R, Q), category, better, worse
            (counts(0, 0, 0, 0, 0, 0), None, None, None),
            (
                counts(3, 1, 2, 4, 0, 0),
                Some(Indifferent),
                Some(0.3),
                Some(-0.4),
            ),
            (
                counts(2, 2, 2, 2, 2, 2),
                Some(MustBe),
                Some(0.5),
                Some(-0.5),
            ),
            (
                counts(0, 3, 3, 1, 0, 0),
                Some(OneDimensional),
                Some(6.0 / 7.0),
                Some(-3.0 / 7.0),
            ),
            (
                counts(0, 0, 3, 3, 0, 0),
                Some(Attractive),
                Some(0.5),
                Some(0.0),
            ),
            (
                counts(0, 0, 0, 2, 2, 2),
                Some(Indifferent),
                Some(0.0),
                Some(0.0),
            ),
            (counts(0, 0, 0, 0, 2, 2), Some(Reverse), None, None),
            (counts(0, 0, 0, 0, 1, 3), Some(Questionable), None, None),
        ];
        for (c, category, better, worse) in cases {
            assert_eq!(c.category(), category, "{c:?}");
            assert_eq!(c.better(), better, "{c:?}");
            assert_eq!(c.worse(), worse, "{c:?}");
        }
    }

    #[test]
    fn add_and_merge_count_every_pair() {
        let mut a = KanoCounts::default();
        a.add(classify(Like, Dislike));
        a.add(classify(Expect, Dislike));
        let mut b = KanoCounts::default();
        b.add(classify(Expect, Dislike));
        a.merge(&b);
        assert_eq!(a, counts(2, 1, 0, 0, 0, 0));
        assert_eq!(a.total(), 3);
        assert_eq!(a.category(), Some(MustBe));
    }
}
