//! An `Rc` compared by identity, to key memos on what they read without comparing values.

use std::fmt;
use std::rc::Rc;

/// An `Rc` whose equality is pointer identity: two keys are equal when they hold the very
/// same value, so a memo keyed on it re-runs exactly when its input was replaced.
pub struct ByPtr<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> ByPtr<T> {
    /// A key for `rc` (a cheap clone of the pointer).
    pub fn of(rc: &Rc<T>) -> Self {
        Self(rc.clone())
    }
}

impl<T: ?Sized> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Eq for ByPtr<T> {}

impl<T: ?Sized> fmt::Debug for ByPtr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ByPtr({:p})", Rc::as_ptr(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_to_the_same_allocation() {
        let a = Rc::new(5);
        let b = Rc::new(5);
        assert_eq!(ByPtr::of(&a), ByPtr::of(&a.clone()));
        assert_ne!(ByPtr::of(&a), ByPtr::of(&b));
    }
}
