//! The trace waterfall demo's pretend database client, written in Rust: each
//! query is a Rust future that connects, runs and fetches rows, awaiting JS
//! timers in between. The page wraps each query in an OpenTelemetry span from
//! JS, and the client opens one span per step through the page's
//! `@opentelemetry/api` calls. Nobody passes the query's span to the client:
//! [`WithContext`] enters the context the query was made in (that span
//! active, in the one context als-wasm shares between JS and every wasm
//! module in the page) on every poll, so each step finds its parent by
//! itself, after every await.
#![cfg(target_arch = "wasm32")]

use als_wasm::WithContext;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

#[wasm_bindgen]
extern "C" {
    /// How the page traces the client's steps (`www/waterfall/app.js`).
    pub type Steps;
    /// Runs `body()`, which answers a promise, as the active span `name`
    /// under the span active when called; ends the span when the promise
    /// settles and answers that promise.
    #[wasm_bindgen(method, js_name = inSpan)]
    fn in_span(this: &Steps, name: &str, body: &Function) -> Promise;

    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: u32);
}

/// Runs `sql`, taking about `ms` milliseconds in three steps, each a span
/// opened through `steps` in the caller's context. Resolves to the number of
/// rows.
#[wasm_bindgen]
pub fn query(steps: Steps, sql: String, ms: u32) -> Promise {
    future_to_promise(WithContext::new(async move {
        for (step, share) in [("connect", 2), ("execute", 5), ("fetch rows", 3)] {
            let wait = ms * share / 10;
            // The step's work, a Rust future made inside the step's span. JS
            // calls `body` once, before in_span returns; a second call throws.
            let body: Closure<dyn FnMut() -> Promise> =
                Closure::once(move || future_to_promise(WithContext::new(sleep(wait))));
            let done = steps.in_span(step, body.as_ref().unchecked_ref());
            JsFuture::from(done).await?;
        }
        Ok(JsValue::from(sql.len() as u32 % 7 + 1))
    }))
}

/// A JS timer, awaited from Rust.
async fn sleep(ms: u32) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::new(&mut |resolve, _| set_timeout(&resolve, ms))).await
}
