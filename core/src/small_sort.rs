//! A stable insertion sort for the short lists Canvass sorts (grade bands,
//! a question's score scale, a JSON object's keys, storage keys), and
//! ordered maps and sets built without sorting.
//!
//! Why not `slice::sort_by`: the standard library's sort (driftsort) is
//! instantiated afresh for every element type and comparator, ~5 KB of
//! wasm each, and the app ships in a size-budgeted bundle. These lists
//! are short (or, for JSON object keys, already in order, where insertion
//! sort is linear), so the quadratic worst case never matters.
//!
//! `collect::<BTreeMap<_, _>>()` and `collect::<BTreeSet<_>>()` run that
//! same sort on their input (then bulk-build the tree), so [`map_of`] and
//! [`set_of`] insert one entry at a time instead: the same result, without
//! a driftsort per entry type.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `cmp`, keeping equal items in their original order.
pub fn sort_small_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && cmp(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The map of `entries`, like `collect()`: for a repeated key the last
/// value wins.
pub fn map_of<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(entries);
    map
}

/// The set of `items`, like `collect()`.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod tests {
    use super::{map_of, set_of, sort_small_by};
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    proptest! {
        /// Same result as the standard stable sort, ties included.
        #[test]
        fn matches_std_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..64)) {
            let mut ours = v.clone();
            let mut std_sorted = v;
            sort_small_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std_sorted.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, std_sorted);
        }
    }

    proptest! {
        /// Same map and set as `collect()`, repeated keys included.
        #[test]
        fn map_and_set_match_collect(v in proptest::collection::vec((0u8..16, any::<u16>()), 0..64)) {
            prop_assert_eq!(map_of(v.clone()), v.iter().copied().collect::<BTreeMap<_, _>>());
            prop_assert_eq!(set_of(v.clone()), v.into_iter().collect::<BTreeSet<_>>());
        }
    }

    #[test]
    fn edge_cases() {
        let cases: [(&[i32], &[i32]); 4] = [
            (&[], &[]),
            (&[1], &[1]),
            (&[2, 1], &[1, 2]),
            (&[3, 1, 2, 1], &[1, 1, 2, 3]),
        ];
        for (input, want) in cases {
            let mut v = input.to_vec();
            sort_small_by(&mut v, i32::cmp);
            assert_eq!(v, want, "{input:?}");
        }
    }
}
