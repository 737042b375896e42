//! `AsyncLocalStorage`: identity, options and name. Stores live in JS frames,
//! and what only touches them (`getStore`, `run`, `enterWith`, `withScope`,
//! `disable`) is the package's JS (`pkg-template/core/api.js`): a call into
//! the wasm costs more than the frame work, and a wasm frame per nesting
//! level of `run` would cut the nesting depth that Node allows.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use super::errors::invalid_arg_type;
use crate::host::{next_key, wasm, Key};

#[wasm_bindgen(inline_js = "export function templateString(v) { return `${v}`; }")]
extern "C" {
    // `${v}`: Node coerces `options.name` this way (a symbol throws).
    #[wasm_bindgen(js_name = templateString, catch)]
    fn template_string(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// The Rust half of JS `AsyncLocalStorage`.
#[doc(hidden)]
#[wasm_bindgen(js_name = AsyncLocalStorage)]
pub struct JsAsyncLocalStorage {
    key: Key,
    // A JS string, kept as JS: a Rust `String` costs UTF-8 conversions (code size).
    name: JsValue,
    default_value: JsValue,
}

#[wasm_bindgen(js_class = AsyncLocalStorage)]
impl JsAsyncLocalStorage {
    /// `new AsyncLocalStorage(options?)`, validated as Node 24 does.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsAsyncLocalStorage, JsValue> {
        let mut storage =
            JsAsyncLocalStorage { key: next_key(), name: JsValue::from_str(""), default_value: JsValue::UNDEFINED };
        if options.is_undefined() {
            return Ok(storage);
        }
        if !options.is_object() || Array::is_array(&options) {
            return Err(invalid_arg_type(&"options".into(), &"object".into(), &options));
        }
        storage.default_value = Reflect::get(&options, &"defaultValue".into())?;
        let name = Reflect::get(&options, &"name".into())?;
        if !name.is_undefined() {
            storage.name = template_string(&name)?;
        }
        Ok(storage)
    }

    /// The `name` option as a string, or `''`.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> JsValue {
        self.name.clone()
    }

    /// This storage's key in frames.
    #[wasm_bindgen(getter, js_name = __key)]
    pub fn key(&self) -> Key {
        self.key
    }

    /// The `defaultValue` option, read once by the constructor; the glue
    /// keeps it beside the key for its pure-JS `getStore`.
    #[wasm_bindgen(getter, js_name = __defaultValue)]
    pub fn default_value(&self) -> JsValue {
        self.default_value.clone()
    }
}

// Not exported: the package's JS answers getStore and enterWith without
// crossing into the wasm (pkg-template/core/api.js); Rust's tests use these.
impl JsAsyncLocalStorage {
    /// The store of the current context, or `defaultValue` when it has none.
    pub fn get_store(&self) -> JsValue {
        wasm::lookup(self.key, &self.default_value)
    }

    /// Sets `store` for the rest of the current synchronous execution and
    /// the async work it schedules.
    pub fn enter_with(&self, store: JsValue) {
        wasm::enter_with_js(self.key, &store);
    }
}
