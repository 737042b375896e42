//! The context slot for wasm: the current frame lives in JS (`pkg-template/core/context.js`),
//! shared with the JS API and with host propagation.

use wasm_bindgen::prelude::*;

use super::Key;

#[wasm_bindgen(module = "/pkg-template/core/context.js")]
extern "C" {
    /// A fresh storage identity, unique in this realm: copies of als-wasm
    /// (the npm package, a Rust app's own wasm) share one context, so keys
    /// come from one counter.
    #[wasm_bindgen(js_name = nextKey)]
    pub(crate) fn next_key() -> Key;
    /// The store of `key` in the current JS frame, or `fallback`.
    pub(crate) fn lookup(key: Key, fallback: &JsValue) -> JsValue;
    /// Enters the current JS frame plus `key = value`.
    #[wasm_bindgen(js_name = enterWith)]
    pub(crate) fn enter_with_js(key: Key, value: &JsValue);
}
