//! One shared stable sort for the whole app.
//!
//! Each `sort_by` call on a new element or key type pastes a full copy of the standard
//! library's sort into the wasm (about 4 KB each). Here only a list of positions is ever
//! sorted, through a `&dyn Fn` comparator, so the bundle carries one copy.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp` (equal items keep their order), like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let order = {
        let view: &[T] = items;
        positions(view.len(), &|a, b| match (view.get(a), view.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, &|a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` into their natural order (stable), like `slice::sort`.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, &T::cmp);
}

/// Positions `0..n` stably sorted by `cmp`; the one sort instance in the bundle.
#[inline(never)]
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut v = vec![5, 1, 4, 1, 5, 9, 2, 6];
        sort(&mut v);
        assert_eq!(v, vec![1, 1, 2, 4, 5, 5, 6, 9]);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn empty_and_single_lists_stay_as_they_are() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["x".to_string()];
        sort(&mut one);
        assert_eq!(one, vec!["x".to_string()]);
    }

    #[test]
    fn comparator_decides_the_order() {
        let mut v = vec!["bb", "a", "ccc"];
        sort_by(&mut v, &|a: &&str, b: &&str| b.len().cmp(&a.len()));
        assert_eq!(v, vec!["ccc", "bb", "a"]);
    }
}
