//! A future that carries a context into every poll.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context as TaskContext, Poll};

use crate::host::{self, Context};

/// Runs the inner future in one captured context: the context is entered
/// before **every** poll and the previous one restored after it (also on
/// panic), so the inner future, and any JS it calls, sees the context it was
/// created in, whoever polls it. The inner future is dropped inside that
/// context too.
///
/// ```
/// use als_wasm::{AsyncLocalStorage, WithContext};
///
/// let storage = AsyncLocalStorage::<&str>::new();
/// let task = storage.run("outer", || WithContext::new(async { storage.get() }));
/// assert_eq!(futures::executor::block_on(task), Some("outer"));
/// ```
#[must_use = "futures do nothing unless polled"]
pub struct WithContext<F> {
    context: Context,
    // Boxed so that projecting the pin needs no unsafe code; `None` once done.
    future: Option<Pin<Box<F>>>,
}

impl<F> std::fmt::Debug for WithContext<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WithContext").field("done", &self.future.is_none()).finish()
    }
}

impl<F: Future> WithContext<F> {
    /// Wraps `future` in the current context.
    ///
    /// ```
    /// use als_wasm::{AsyncLocalStorage, WithContext};
    ///
    /// let storage = AsyncLocalStorage::<u8>::new();
    /// let task = WithContext::new(async { storage.get() });
    /// // Polled inside another scope, the future still sees its own (empty) context.
    /// assert_eq!(storage.run(1, || futures::executor::block_on(task)), None);
    /// ```
    pub fn new(future: F) -> Self {
        Self::in_context(host::capture(), future)
    }

    /// `future` run in `context` rather than the current one (a snapshot, a scope).
    pub(crate) fn in_context(context: Context, future: F) -> Self {
        WithContext { context, future: Some(Box::pin(future)) }
    }
}

impl<F: Future> Future for WithContext<F> {
    type Output = F::Output;

    /// # Panics
    /// When polled again after it completed.
    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        let _restore = host::enter(&this.context);
        let Some(future) = this.future.as_mut() else {
            panic!("WithContext polled after it completed");
        };
        let output = future.as_mut().poll(cx);
        if output.is_ready() {
            this.future = None;
        }
        output
    }
}

impl<F> Drop for WithContext<F> {
    fn drop(&mut self) {
        if let Some(future) = self.future.take() {
            let _restore = host::enter(&self.context);
            drop(future);
        }
    }
}
