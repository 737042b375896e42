//! The typed Rust storage, over the same frames as the JS API.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::rc::Rc;

use crate::error::AccessError;
use crate::future::WithContext;
use crate::host::{self, Key, Restore};

/// A storage for values of type `T` that follow the asynchronous flow of the
/// code that set them, like Node's `AsyncLocalStorage` but typed.
///
/// In wasm, Rust and JS share one context: a value set here is seen by JS
/// that runs inside [`run`](Self::run), and JS `storage.run(...)` scopes
/// are seen by Rust futures spawned inside them.
///
/// ```
/// use als_wasm::AsyncLocalStorage;
///
/// let request_id = AsyncLocalStorage::<u64>::new();
/// request_id.run(7, || {
///     assert_eq!(request_id.get(), Some(7));
/// });
/// assert_eq!(request_id.get(), None);
/// ```
pub struct AsyncLocalStorage<T> {
    key: Key,
    // `fn() -> T`: owning no `T`, the storage is Send/Sync-neutral like a key.
    _value: PhantomData<fn() -> T>,
}

impl<T: 'static> Default for AsyncLocalStorage<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> std::fmt::Debug for AsyncLocalStorage<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncLocalStorage").field("key", &self.key).finish()
    }
}

impl<T: 'static> AsyncLocalStorage<T> {
    /// A new storage, distinct from every other.
    ///
    /// ```
    /// use als_wasm::AsyncLocalStorage;
    ///
    /// let a = AsyncLocalStorage::<&str>::new();
    /// let b = AsyncLocalStorage::<&str>::new();
    /// a.run("a", || assert_eq!(b.get(), None));
    /// ```
    pub fn new() -> Self {
        AsyncLocalStorage { key: host::next_key(), _value: PhantomData }
    }

    /// Runs `f` with `value` as this storage's value, then restores the
    /// previous context, also when `f` panics.
    ///
    /// ```
    /// use als_wasm::AsyncLocalStorage;
    ///
    /// let user = AsyncLocalStorage::<String>::new();
    /// let greeting = user.run("ada".to_string(), || user.with(|name| format!("hi {name}")));
    /// assert_eq!(greeting, "hi ada");
    /// ```
    pub fn run<R>(&self, value: T, f: impl FnOnce() -> R) -> R {
        let _restore = Restore::new(host::enter_with(self.key, Rc::new(value)));
        f()
    }

    /// Calls `f` with a reference to the current value.
    ///
    /// # Panics
    /// When no value is set in the current context; see [`try_with`](Self::try_with).
    ///
    /// ```
    /// use als_wasm::AsyncLocalStorage;
    ///
    /// let depth = AsyncLocalStorage::<u8>::new();
    /// depth.run(1, || assert_eq!(depth.with(|d| d + 1), 2));
    /// ```
    #[track_caller]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        match self.try_with(f) {
            Ok(r) => r,
            Err(e) => panic!("AsyncLocalStorage::with: {e}"),
        }
    }

    /// Calls `f` with a reference to the current value, or answers
    /// [`AccessError`] when none is set.
    ///
    /// ```
    /// use als_wasm::AsyncLocalStorage;
    ///
    /// let depth = AsyncLocalStorage::<u8>::new();
    /// assert!(depth.try_with(|d| *d).is_err());
    /// assert_eq!(depth.run(3, || depth.try_with(|d| *d)), Ok(3));
    /// ```
    pub fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Result<R, AccessError> {
        let store = self.store().ok_or(AccessError::new())?;
        match store.downcast_ref::<T>() {
            Some(value) => Ok(f(value)),
            None => Err(AccessError::new()),
        }
    }

    /// A clone of the current value, if one is set.
    ///
    /// ```
    /// use als_wasm::AsyncLocalStorage;
    ///
    /// let tag = AsyncLocalStorage::<&str>::new();
    /// assert_eq!(tag.run("x", || tag.get()), Some("x"));
    /// ```
    pub fn get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.try_with(T::clone).ok()
    }

    /// A future that runs `future` with `value` set on every poll, wherever
    /// and whenever it is polled.
    ///
    /// ```
    /// use als_wasm::AsyncLocalStorage;
    ///
    /// let request = AsyncLocalStorage::<u32>::new();
    /// let task = request.scope(42, async { request.get() });
    /// assert_eq!(futures::executor::block_on(task), Some(42));
    /// ```
    pub fn scope<F: Future>(&self, value: T, future: F) -> WithContext<F> {
        // Derive the frame by entering it for an instant; nothing runs inside.
        let previous = host::enter_with(self.key, Rc::new(value));
        let context = host::swap(&previous);
        WithContext::in_context(context, future)
    }

    fn store(&self) -> Option<Rc<dyn Any>> {
        host::get(self.key)
    }
}
