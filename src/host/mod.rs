//! The one current-context slot of this thread (realm), behind one interface.
//!
//! Natively the slot holds a Rust [`Frame`](frame::Frame). In wasm the
//! slot lives in JS (`pkg-template/core/context.js`), because host propagation swaps it
//! from JS on every callback and because JS stores must stay in the JS heap:
//! a store kept in Rust would be a GC root, so a store that references its own
//! context (a promise, a bound function) could never be collected.

#[cfg(all(feature = "rust-api", not(target_arch = "wasm32")))]
mod frame;
#[cfg(all(feature = "rust-api", not(target_arch = "wasm32")))]
mod native;
#[cfg(all(feature = "rust-api", not(target_arch = "wasm32")))]
pub(crate) use native::{capture, enter_with, get, next_key, swap, Context};

#[cfg(target_arch = "wasm32")]
pub(crate) mod wasm;
#[cfg(target_arch = "wasm32")]
pub(crate) use wasm::next_key;

#[cfg(all(feature = "rust-api", target_arch = "wasm32"))]
mod wasm_rust_stores;
#[cfg(all(feature = "rust-api", target_arch = "wasm32"))]
pub(crate) use wasm_rust_stores::{capture, enter_with, get, swap, Context};

#[cfg(feature = "rust-api")]
pub(crate) use restore::{enter, Restore, RustStore};

/// Identity of one storage. Keys are never reused within a thread (in wasm:
/// within a realm), and JS and Rust storages share them, so both kinds sit in
/// one frame without clashing.
pub(crate) type Key = u32;

#[cfg(feature = "rust-api")]
mod restore {
    use std::any::Any;
    use std::rc::Rc;

    use super::{swap, Context};

    /// A store of a Rust storage, shared by every frame that holds it.
    pub(crate) type RustStore = Rc<dyn Any>;

    /// Puts the context it holds back when dropped, also while unwinding.
    #[must_use = "the context is restored when this guard is dropped"]
    pub(crate) struct Restore(Option<Context>);

    impl Restore {
        /// Keeps `previous` to restore later.
        pub(crate) fn new(previous: Context) -> Self {
            Restore(Some(previous))
        }
    }

    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(previous) = self.0.take() {
                swap(&previous);
            }
        }
    }

    /// Enters `context` until the returned guard drops.
    pub(crate) fn enter(context: &Context) -> Restore {
        Restore::new(swap(context))
    }
}
