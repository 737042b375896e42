//! `AsyncResource`: type and trigger validation and async ids.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use super::errors::{invalid_arg_type, invalid_async_id};

#[wasm_bindgen(inline_js = "export function isNumber(v) { return typeof v === 'number'; }")]
extern "C" {
    // `typeof v === 'number'`. JsValue::as_f64 answers this too, but through
    // wasm memory: its glue (a DataView kept in step with the memory) is a
    // tenth of the package's glue.
    #[wasm_bindgen(js_name = isNumber)]
    fn is_number(value: &JsValue) -> bool;
}

/// The Rust half of JS `AsyncResource`.
#[doc(hidden)]
#[wasm_bindgen(js_name = AsyncResource)]
pub struct JsAsyncResource {
    async_id: f64,
    trigger_async_id: f64,
}

#[wasm_bindgen(js_class = AsyncResource)]
impl JsAsyncResource {
    /// `new AsyncResource(type, options?)`; `execution_id` is the id of the
    /// resource whose scope is running now (the default trigger), `async_id`
    /// the id the glue gave this one (it hands out ids without a resource
    /// for `snapshot()`, and makes the resource only when asked for it).
    #[wasm_bindgen(constructor)]
    pub fn new(kind: JsValue, options: JsValue, execution_id: f64, async_id: f64) -> Result<JsAsyncResource, JsValue> {
        if !kind.is_string() {
            return Err(invalid_arg_type(&"type".into(), &"string".into(), &kind));
        }
        let trigger = if is_number(&options) {
            options
        } else if options.is_null() {
            // Node fails here reading `null.triggerAsyncId`; say it plainly.
            return Err(invalid_arg_type(&"options".into(), &"object or number".into(), &options));
        } else if options.is_object() || options.is_function() {
            Reflect::get(&options, &"triggerAsyncId".into())?
        } else {
            // Other primitives have no `triggerAsyncId`: Node takes the default.
            JsValue::UNDEFINED
        };
        let trigger = if trigger.is_undefined() { JsValue::from_f64(execution_id) } else { trigger };
        let trigger_async_id = if is_number(&trigger) { trigger.unchecked_into_f64() } else { f64::NAN };
        if !(is_safe_integer(trigger_async_id) && trigger_async_id >= -1.0) {
            return Err(invalid_async_id("triggerAsyncId", &trigger));
        }
        Ok(JsAsyncResource { async_id, trigger_async_id })
    }

    /// The unique id of this resource.
    #[wasm_bindgen(js_name = asyncId)]
    pub fn async_id(&self) -> f64 {
        self.async_id
    }

    /// The id of the resource that was running when this one was made.
    #[wasm_bindgen(js_name = triggerAsyncId)]
    pub fn trigger_async_id(&self) -> f64 {
        self.trigger_async_id
    }
}

fn is_safe_integer(n: f64) -> bool {
    n.is_finite() && n.trunc() == n && n.abs() <= 9_007_199_254_740_991.0
}
