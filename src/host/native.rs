//! The context slot for native builds: a thread-local frame.

use std::cell::{Cell, RefCell};

use super::frame::Frame;
use super::{Key, RustStore};

/// A whole captured context.
pub(crate) type Context = Frame<RustStore>;

thread_local! {
    static CURRENT: RefCell<Frame<RustStore>> = RefCell::new(Frame::default());
    static NEXT_KEY: Cell<Key> = const { Cell::new(1) };
}

/// A fresh storage identity, never reused within this thread.
pub(crate) fn next_key() -> Key {
    NEXT_KEY.with(|n| {
        let key = n.get();
        n.set(key.wrapping_add(1).max(1));
        key
    })
}

/// The current context.
pub(crate) fn capture() -> Context {
    CURRENT.with(|c| c.borrow().clone())
}

/// Makes `next` current and answers the context it replaced.
pub(crate) fn swap(next: &Context) -> Context {
    CURRENT.with(|c| c.replace(next.clone()))
}

/// The store of `key` in the current context.
pub(crate) fn get(key: Key) -> Option<RustStore> {
    CURRENT.with(|c| c.borrow().get(key).cloned())
}

/// Enters the current context plus `key = value`; answers the one it replaced.
pub(crate) fn enter_with(key: Key, value: RustStore) -> Context {
    CURRENT.with(|c| {
        let next = c.borrow().with(key, value);
        c.replace(next)
    })
}
