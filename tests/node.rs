//! The wasm suite, run in Node:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test node`
#![cfg(target_arch = "wasm32")]

mod suite;
mod support;
