//! Errors in Node's shape: the same class, `code` and message text as
//! `node:internal/errors` gives for the same input. Rust decides when to
//! throw; `errors.js` words the message, which keeps string formatting (most
//! of a wasm's size) out of the wasm. Texts cross as JS strings, so the
//! package glue can call the same function.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/pkg-template/core/errors.js")]
extern "C" {
    /// `TypeError [ERR_INVALID_ARG_TYPE]`, worded as Node words it.
    #[wasm_bindgen(js_name = invalidArgType)]
    pub(crate) fn invalid_arg_type(name: &JsValue, expected: &JsValue, actual: &JsValue) -> JsValue;
    /// `RangeError [ERR_INVALID_ASYNC_ID]`. `name` is a `&str` on purpose:
    /// wasm-bindgen 0.2.130 imports a module once per function that needs no
    /// conversion, and a second one would repeat a key of the glue's import
    /// object (glue::imports_each_module_once).
    #[wasm_bindgen(js_name = invalidAsyncId)]
    pub(crate) fn invalid_async_id(name: &str, actual: &JsValue) -> JsValue;
}
