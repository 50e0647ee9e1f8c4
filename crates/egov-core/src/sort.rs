//! Stable sorting through one shared routine, to keep the WebAssembly small.
//!
//! Every `slice::sort_by` call site compiles its own copy of the standard library's sort
//! (2–3 KB of wasm each; fifteen of them were 40 KB). Here every sort orders a list of
//! positions with a comparison behind `&dyn Fn`, so the sort itself is compiled once.
//! It is as fast as the standard sort for our list sizes, and just as stable. Pure.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|position| slots[position].take()),
    );
}

/// Sorts `items` stably by a key computed for each item.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, &|a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` puts them: the one compiled sort.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by(&mut items, &|a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn sorts_by_key_and_handles_empty_lists() {
        let mut words = vec!["ccc", "a", "bb"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["a", "bb", "ccc"]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |b| *b);
        assert!(empty.is_empty());
    }
}
