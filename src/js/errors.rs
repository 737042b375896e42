//! Errors in Node's shape: the same class, `code` and message text as
//! `node:internal/errors` gives for the same input. Rust decides when to
//! throw; `errors.js` words the message, which keeps string formatting (most
//! of a wasm's size) out of the wasm.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/errors.js")]
extern "C" {
    /// `TypeError [ERR_INVALID_ARG_TYPE]`, worded as Node words it.
    #[wasm_bindgen(js_name = invalidArgType)]
    pub(crate) fn invalid_arg_type(name: &str, expected: &str, actual: &JsValue) -> JsValue;
    /// The same, for the package glue, which passes JS strings.
    #[wasm_bindgen(js_name = invalidArgType)]
    pub(crate) fn invalid_arg_type_js(name: &JsValue, expected: &JsValue, actual: &JsValue) -> JsValue;
    /// `RangeError [ERR_INVALID_ASYNC_ID]`.
    #[wasm_bindgen(js_name = invalidAsyncId)]
    pub(crate) fn invalid_async_id(name: &str, actual: &JsValue) -> JsValue;
}
