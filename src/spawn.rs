//! Spawning on the JS event loop with the spawner's context.

use std::future::Future;

use crate::future::WithContext;

/// Like `wasm_bindgen_futures::spawn_local`, but the future runs in the
/// context current at this call, on every poll, also after it awaits a
/// `JsFuture`.
///
/// ```no_run
/// # // Runs in wasm only (the JS event loop); tests/suite covers it in Node and Chromium.
/// use als_wasm::{spawn_local, AsyncLocalStorage};
///
/// let storage = std::rc::Rc::new(AsyncLocalStorage::<u32>::new());
/// let s = storage.clone();
/// storage.run(1, || spawn_local(async move { assert_eq!(s.get(), Some(1)) }));
/// ```
pub fn spawn_local<F: Future<Output = ()> + 'static>(future: F) {
    wasm_bindgen_futures::spawn_local(WithContext::new(future));
}
