//! The context slot for wasm: the current frame lives in JS (`src/js/context.js`),
//! shared with the JS API and with host propagation. Rust stores ride in JS
//! frames as [`RustStoreHandle`] objects; Rust finds the value behind a handle
//! by its id, in a table that shrinks as the JS GC frees handles.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use wasm_bindgen::prelude::*;

use super::{Key, RustStore};

/// A whole captured context: the JS frame object.
pub(crate) type Context = JsValue;

#[wasm_bindgen(module = "/src/js/context.js")]
extern "C" {
    #[wasm_bindgen(js_name = currentFrame)]
    fn current_frame() -> JsValue;
    #[wasm_bindgen(js_name = swapFrame)]
    fn swap_frame(next: &JsValue) -> JsValue;
    /// A fresh storage identity, unique in this realm: copies of als-wasm
    /// (the npm package, a Rust app's own wasm) share one context, so keys
    /// come from one counter.
    #[wasm_bindgen(js_name = nextKey)]
    pub(crate) fn next_key() -> Key;
    #[wasm_bindgen(js_name = rustStoreId)]
    fn rust_store_id(key: Key) -> u32;
    /// The store of `key` in the current JS frame, or `fallback`.
    pub(crate) fn lookup(key: Key, fallback: &JsValue) -> JsValue;
    /// Enters the current JS frame plus `key = value`.
    #[wasm_bindgen(js_name = enterWith)]
    pub(crate) fn enter_with_js(key: Key, value: &JsValue);
    /// Deletes `key` from the current frame in place (Node 24's `disable`).
    pub(crate) fn remove(key: Key);
    #[wasm_bindgen(js_name = enterWithValue)]
    fn enter_with_value(key: Key, handle: JsValue, id: u32) -> JsValue;
}

/// A JS object that owns one Rust store while some JS frame holds it.
#[doc(hidden)]
#[wasm_bindgen(js_name = __RustStore)]
pub struct RustStoreHandle {
    id: u32,
}

impl Drop for RustStoreHandle {
    fn drop(&mut self) {
        STORES.with(|s| s.borrow_mut().remove(&self.id));
    }
}

thread_local! {
    static STORES: RefCell<HashMap<u32, RustStore>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// The current context.
pub(crate) fn capture() -> Context {
    current_frame()
}

/// Makes `next` current and answers the context it replaced.
pub(crate) fn swap(next: &Context) -> Context {
    swap_frame(next)
}

/// The store of `key` in the current context.
pub(crate) fn get(key: Key) -> Option<RustStore> {
    let id = rust_store_id(key);
    if id == 0 {
        return None;
    }
    STORES.with(|s| s.borrow().get(&id).cloned())
}

/// Enters the current context plus `key = value`; answers the one it replaced.
pub(crate) fn enter_with(key: Key, value: RustStore) -> Context {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    STORES.with(|s| s.borrow_mut().insert(id, value));
    enter_with_value(key, RustStoreHandle { id }.into(), id)
}
