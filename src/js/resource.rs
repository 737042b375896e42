//! `AsyncResource`: type and trigger validation and async ids.

use std::cell::Cell;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use super::errors::{invalid_arg_type, invalid_async_id};

thread_local! {
    // 0 is "no resource" (Node's top level of an ES module), 1 is Node's root.
    static NEXT_ASYNC_ID: Cell<f64> = const { Cell::new(2.0) };
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
    /// resource whose scope is running now (the default trigger).
    #[wasm_bindgen(constructor)]
    pub fn new(kind: JsValue, options: JsValue, execution_id: f64) -> Result<JsAsyncResource, JsValue> {
        if !kind.is_string() {
            return Err(invalid_arg_type(&"type".into(), &"string".into(), &kind));
        }
        let trigger = if options.as_f64().is_some() {
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
        let trigger_async_id = match trigger.as_f64() {
            Some(id) if is_safe_integer(id) && id >= -1.0 => id,
            _ => return Err(invalid_async_id("triggerAsyncId", &trigger)),
        };
        let async_id = NEXT_ASYNC_ID.with(|n| {
            let id = n.get();
            n.set(id + 1.0);
            id
        });
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
