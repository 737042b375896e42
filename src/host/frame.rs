//! Immutable context frames: a copy-on-write map from storage key to store.
//!
//! A frame never changes once made (Node's `AsyncContextFrame` works the same
//! way), so capturing a context is cloning an `Rc`, and deriving a frame for
//! `run` copies only the small entry list. Frames hold a handful of entries in
//! practice, so a vector scanned linearly beats any hashed map here.

use std::rc::Rc;

use super::Key;

/// An immutable map from [`Key`] to `V`. Cloning is one reference count.
#[derive(Debug)]
pub(crate) struct Frame<V> {
    entries: Option<Rc<[(Key, V)]>>,
}

impl<V> Clone for Frame<V> {
    fn clone(&self) -> Self {
        Frame { entries: self.entries.clone() }
    }
}

impl<V> Default for Frame<V> {
    fn default() -> Self {
        Frame { entries: None }
    }
}

impl<V: Clone> Frame<V> {
    /// The store of `key`, or `None` when this frame has no entry for it.
    pub(crate) fn get(&self, key: Key) -> Option<&V> {
        self.entries.as_deref()?.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// A new frame equal to this one with `key` set to `value`.
    pub(crate) fn with(&self, key: Key, value: V) -> Self {
        let old = self.entries.as_deref().unwrap_or(&[]);
        let mut next: Vec<(Key, V)> = Vec::with_capacity(old.len() + 1);
        next.extend(old.iter().filter(|(k, _)| *k != key).cloned());
        next.push((key, value));
        Frame { entries: Some(next.into()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_adds_and_replaces_without_touching_the_original() {
        let root: Frame<i32> = Frame::default();
        let a = root.with(1, 10);
        let b = a.with(2, 20).with(1, 11);
        assert_eq!(root.get(1), None);
        assert_eq!(a.get(1), Some(&10));
        assert_eq!(a.get(2), None);
        assert_eq!(b.get(1), Some(&11));
        assert_eq!(b.get(2), Some(&20));
    }
}
