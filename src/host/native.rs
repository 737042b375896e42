//! The context slot for native builds: a thread-local frame.

use std::cell::RefCell;

use super::{Key, RustStore};
use crate::frame::Frame;

/// A whole captured context.
pub(crate) type Context = Frame<RustStore>;

thread_local! {
    static CURRENT: RefCell<Frame<RustStore>> = RefCell::new(Frame::default());
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
