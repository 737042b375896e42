//! A captured context, to run code in later.

use std::future::Future;

use crate::future::WithContext;
use crate::host::{self, Context};

/// The whole context at the moment of [`capture`](Self::capture): every
/// storage's value, JS and Rust alike. Capturing keeps a reference; nothing is copied.
///
/// ```
/// use als_wasm::{AsyncLocalStorage, Snapshot};
///
/// let storage = AsyncLocalStorage::<u32>::new();
/// let snapshot = storage.run(1, Snapshot::capture);
/// assert_eq!(storage.get(), None);
/// assert_eq!(snapshot.run(|| storage.get()), Some(1));
/// ```
#[derive(Clone)]
pub struct Snapshot {
    context: Context,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Snapshot")
    }
}

impl Snapshot {
    /// Captures the current context.
    ///
    /// ```
    /// let empty = als_wasm::Snapshot::capture();
    /// assert_eq!(empty.run(|| 1 + 1), 2);
    /// ```
    pub fn capture() -> Self {
        Snapshot { context: host::capture() }
    }

    /// Runs `f` in the captured context, then restores the current one, also
    /// when `f` panics.
    ///
    /// ```
    /// use als_wasm::{AsyncLocalStorage, Snapshot};
    ///
    /// let storage = AsyncLocalStorage::<u32>::new();
    /// let outer = Snapshot::capture();
    /// storage.run(5, || assert_eq!(outer.run(|| storage.get()), None));
    /// ```
    pub fn run<R>(&self, f: impl FnOnce() -> R) -> R {
        let _restore = host::enter(&self.context);
        f()
    }

    /// A future that runs `future` in the captured context on every poll.
    ///
    /// ```
    /// use als_wasm::{AsyncLocalStorage, Snapshot};
    ///
    /// let storage = AsyncLocalStorage::<u32>::new();
    /// let snapshot = storage.run(9, Snapshot::capture);
    /// let task = snapshot.wrap(async { storage.get() });
    /// assert_eq!(futures::executor::block_on(task), Some(9));
    /// ```
    pub fn wrap<F: Future>(&self, future: F) -> WithContext<F> {
        WithContext::in_context(self.context.clone(), future)
    }
}
