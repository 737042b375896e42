//! The JS API, exported with Node's names.
//!
//! The Rust side owns what needs no speed: identities, option parsing and
//! validation, async ids, and which error to throw (`errors.js` words it). The package glue
//! (`pkg-template/api.js`) adds the methods that JS must own: the variadic ones
//! (`run`, `exit`, `runInAsyncScope`, `bind`), the ones that return `this` or a
//! function, and the hot paths (`getStore`), which touch only the JS frame.

mod errors;
mod resource;
mod storage;

pub use storage::JsAsyncLocalStorage;

use wasm_bindgen::prelude::*;

/// Builds (does not throw) Node's `ERR_INVALID_ARG_TYPE` for the glue.
#[doc(hidden)]
#[wasm_bindgen(js_name = __invalidArgType)]
pub fn invalid_arg_type(name: &JsValue, expected: &JsValue, actual: &JsValue) -> JsValue {
    errors::invalid_arg_type(name, expected, actual)
}
