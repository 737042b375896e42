//! The trace waterfall demo's pretend database client, written in Rust: each
//! query is a Rust future that connects, runs and fetches rows, awaiting JS
//! timers in between, and opens a span for each step through the page's
//! tracer. The tracer finds the request of each span by itself, through the
//! context that als-wasm shares between JS and every wasm module in the page:
//! [`WithContext`] enters the caller's context on every poll of the future.
#![cfg(target_arch = "wasm32")]

use als_wasm::WithContext;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

#[wasm_bindgen]
extern "C" {
    /// The page's tracer (`www/waterfall/tracer.js`).
    pub type Tracer;
    /// Opens a span in the current request, read from the current context,
    /// under `parent` (`undefined`: the current span).
    #[wasm_bindgen(method, js_name = startSpan)]
    fn start_span(this: &Tracer, name: &str, kind: &str, claim: &JsValue, parent: &JsValue) -> JsValue;
    #[wasm_bindgen(method, js_name = endSpan)]
    fn end_span(this: &Tracer, span: &JsValue);

    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: u32);
}

/// Runs `sql` for the request that `claim` names (the demo's ground truth,
/// never read to find the request), taking about `ms` milliseconds in three
/// steps. Resolves to the number of rows.
#[wasm_bindgen]
pub fn query(tracer: Tracer, sql: String, ms: u32, claim: JsValue) -> Promise {
    future_to_promise(WithContext::new(async move {
        let span = tracer.start_span(&format!("db: {sql}"), "rust", &claim, &JsValue::UNDEFINED);
        for (step, share) in [("connect", 2), ("execute", 5), ("fetch rows", 3)] {
            let child = tracer.start_span(step, "rust", &claim, &span);
            sleep(ms * share / 10).await?;
            tracer.end_span(&child);
        }
        tracer.end_span(&span);
        Ok(JsValue::from(sql.len() as u32 % 7 + 1))
    }))
}

/// A JS timer, awaited from Rust.
async fn sleep(ms: u32) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::new(&mut |resolve, _| set_timeout(&resolve, ms))).await
}
