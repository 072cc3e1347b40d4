//! Undo and redo over any cheaply cloned value, with a step limit and coalescing.

use std::collections::VecDeque;

/// How many steps are kept before the oldest is forgotten.
pub const UNDO_LIMIT: usize = 200;

/// Changes of the same kind closer together than this (milliseconds) are one undo step,
/// so dragging a slider undoes as one move rather than fifty.
pub const COALESCE_MS: f64 = 1000.0;

/// Past and future states around the present one, which the caller holds.
#[derive(Clone, Debug, PartialEq)]
pub struct History<T> {
    past: VecDeque<T>,
    future: Vec<T>,
    limit: usize,
    /// The kind and time of the last recorded change, for coalescing.
    last: Option<(u64, f64)>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self::with_limit(UNDO_LIMIT)
    }
}

impl<T> History<T> {
    /// An empty history keeping at most `limit` undo steps (at least one).
    pub fn with_limit(limit: usize) -> Self {
        Self {
            past: VecDeque::new(),
            future: Vec::new(),
            limit: limit.max(1),
            last: None,
        }
    }

    /// Records `before`, the state just replaced by a change of kind `kind` made at `now_ms`.
    ///
    /// A change of the same kind within [`COALESCE_MS`] of the last one joins its step.
    /// Kind 0 never coalesces. Any recorded change clears the redo steps.
    pub fn record(&mut self, before: T, kind: u64, now_ms: f64) {
        self.future.clear();
        let joins = kind != 0
            && !self.past.is_empty()
            && self
                .last
                .is_some_and(|(k, t)| k == kind && (now_ms - t).abs() < COALESCE_MS);
        self.last = Some((kind, now_ms));
        if joins {
            return;
        }
        self.past.push_back(before);
        while self.past.len() > self.limit {
            self.past.pop_front();
        }
    }

    /// Steps back: takes the present state and returns the one to show, if any.
    pub fn undo(&mut self, present: T) -> Option<T> {
        let previous = self.past.pop_back()?;
        self.future.push(present);
        self.last = None;
        Some(previous)
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, present: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push_back(present);
        self.last = None;
        Some(next)
    }

    /// Forgets every step (a different budget was opened).
    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
        self.last = None;
    }

    /// Changes every kept state, past and future, in place (a load that every step takes).
    pub fn for_each_mut(&mut self, mut f: impl FnMut(&mut T)) {
        self.past.iter_mut().for_each(&mut f);
        self.future.iter_mut().for_each(f);
    }

    /// How many undo steps are available.
    pub fn undo_steps(&self) -> usize {
        self.past.len()
    }

    /// How many redo steps are available.
    pub fn redo_steps(&self) -> usize {
        self.future.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_steps_in_order() {
        let mut h = History::default();
        let mut present = 0;
        for (i, value) in [1, 2, 3].into_iter().enumerate() {
            h.record(present, 0, i as f64 * 5000.0);
            present = value;
        }
        present = h.undo(present).unwrap();
        assert_eq!(present, 2);
        present = h.undo(present).unwrap();
        assert_eq!(present, 1);
        present = h.redo(present).unwrap();
        assert_eq!(present, 2);
        assert_eq!((h.undo_steps(), h.redo_steps()), (2, 1));
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut h = History::default();
        h.record(0, 0, 0.0);
        let present = h.undo(1).unwrap();
        assert_eq!(present, 0);
        h.record(present, 0, 10.0);
        assert_eq!(h.redo_steps(), 0);
        assert_eq!(h.redo(5), None);
    }

    #[test]
    fn keeps_at_most_the_limit_and_at_least_a_hundred_by_default() {
        let mut h = History::default();
        for i in 0..500 {
            h.record(i, 0, f64::from(i) * 5000.0);
        }
        assert_eq!(h.undo_steps(), UNDO_LIMIT);
        const { assert!(UNDO_LIMIT >= 100) };
        let mut present = 500;
        for _ in 0..UNDO_LIMIT {
            present = h.undo(present).unwrap();
        }
        assert_eq!(present, 500 - UNDO_LIMIT as i32);
        assert_eq!(h.undo(present), None);
    }

    #[test]
    fn same_kind_changes_close_together_are_one_step() {
        let mut h = History::default();
        h.record(0, 7, 0.0);
        h.record(1, 7, 300.0);
        h.record(2, 7, 900.0);
        assert_eq!(h.undo_steps(), 1);
        h.record(3, 7, 2500.0);
        h.record(4, 8, 2600.0);
        assert_eq!(h.undo_steps(), 3);
        assert_eq!(h.undo(5), Some(4));
        assert_eq!(h.undo(4), Some(3));
        assert_eq!(h.undo(3), Some(0));
    }
}
