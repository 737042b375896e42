//! Node's `AsyncLocalStorage`, written in Rust and compiled to WebAssembly.
//!
//! This crate is two things at once:
//! - the core of the `als-wasm` npm package, which gives browsers, Deno, Bun
//!   and Node the same `AsyncLocalStorage` and `AsyncResource` API;
//! - a typed Rust API over the same context, for Rust/wasm apps: a value set
//!   by JS `storage.run(...)` is visible to Rust futures spawned inside it,
//!   and JS called from a Rust future sees the future's context.
//!
//! ```
//! use als_wasm::{AsyncLocalStorage, Snapshot, WithContext};
//!
//! let request_id = AsyncLocalStorage::<u32>::new();
//! let task = request_id.run(7, || WithContext::new(async { request_id.get() }));
//! // Polled anywhere, the task sees the context it was made in.
//! assert_eq!(futures::executor::block_on(task), Some(7));
//! assert_eq!(request_id.get(), None);
//! ```
//!
//! Contexts are immutable frames (a copy-on-write map from storage to
//! value); capturing one keeps a reference and entering one swaps a single
//! slot, restored by a guard when the scope ends or unwinds.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
mod exports;
#[cfg(any(feature = "rust-api", target_arch = "wasm32"))]
mod host;

// The typed Rust API (feature `rust-api`, on by default). The npm package's
// wasm (pkg-template/wasm/) is built without it: its JS never makes a Rust store, and
// the store table is a large part of a small wasm.
#[cfg(feature = "rust-api")]
mod error;
#[cfg(feature = "rust-api")]
mod future;
#[cfg(feature = "rust-api")]
mod snapshot;
#[cfg(all(feature = "rust-api", target_arch = "wasm32"))]
mod spawn;
#[cfg(feature = "rust-api")]
mod storage;

#[cfg(feature = "rust-api")]
pub use error::AccessError;
#[cfg(feature = "rust-api")]
pub use future::WithContext;
#[cfg(feature = "rust-api")]
pub use snapshot::Snapshot;
#[cfg(all(feature = "rust-api", target_arch = "wasm32"))]
pub use spawn::spawn_local;
#[cfg(feature = "rust-api")]
pub use storage::AsyncLocalStorage;

/// The Rust half of the JS class, for tests of the JS↔Rust context only.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub use exports::JsAsyncLocalStorage as __JsAsyncLocalStorage;
