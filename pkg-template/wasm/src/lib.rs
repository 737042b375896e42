//! The npm package's wasm (`cargo xtask build`): als-wasm's JS API, built
//! without the typed Rust API and with an allocator a fraction of the size of
//! Rust's default (dlmalloc), which also keeps Rust's panic and formatting
//! machinery out of the wasm (see `size_classes`).
//!
//! A crate of its own so that the library never picks a Rust app's global
//! allocator, and keeps `#![forbid(unsafe_code)]`.

// Linked for its `#[wasm_bindgen]` exports, which are this wasm's exports.
extern crate als_wasm;

// Natively (as in `cargo test --workspace`) only its unit tests use it.
#[cfg(any(target_arch = "wasm32", test))]
mod size_classes;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: size_classes::SizeClasses<size_classes::WasmMemory> =
    size_classes::SizeClasses::new(size_classes::WasmMemory);
