//! The typed Rust API's side of the wasm context slot: the current frame is
//! the JS one (`pkg-template/core/context.js`), and Rust stores ride in JS frames as
//! [`RustStoreHandle`] objects. Rust finds the value behind a handle by its
//! id, in a table that shrinks as the JS GC frees handles.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{Key, RustStore};

/// A whole captured context: the JS frame object.
pub(crate) type Context = JsValue;

#[wasm_bindgen(module = "/pkg-template/core/context.js")]
extern "C" {
    #[wasm_bindgen(js_name = currentFrame)]
    fn current_frame() -> JsValue;
    #[wasm_bindgen(js_name = swapFrame)]
    fn swap_frame(next: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = rustStoreId)]
    fn rust_store_id(key: Key) -> u32;
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
        // Dropped after the table is released: a store's own Drop may use storages.
        drop(with_stores(|s| s.remove(self.id)));
    }
}

/// Live Rust stores by id; id `n` is slot `n - 1`, and a freed slot is
/// reused (its handle is gone, so no frame can ask for that id any more).
/// A slab: smaller in wasm than a hashed map.
#[derive(Default)]
struct Stores {
    slots: Vec<Option<RustStore>>,
    free: Vec<u32>,
}

impl Stores {
    fn insert(&mut self, value: RustStore) -> u32 {
        if let Some(id) = self.free.pop() {
            if let Some(slot) = self.slot(id) {
                *slot = Some(value);
                return id;
            }
        }
        self.slots.push(Some(value));
        self.slots.len() as u32
    }

    fn get(&mut self, id: u32) -> Option<RustStore> {
        self.slot(id)?.clone()
    }

    fn remove(&mut self, id: u32) -> Option<RustStore> {
        let value = self.slot(id)?.take();
        if value.is_some() {
            self.free.push(id);
        }
        value
    }

    fn slot(&mut self, id: u32) -> Option<&mut Option<RustStore>> {
        self.slots.get_mut(usize::try_from(id.checked_sub(1)?).ok()?)
    }
}

thread_local! {
    static STORES: RefCell<Stores> = RefCell::default();
}

/// Runs `f` on the table; `None` if it is in use further up the stack (never
/// a panic: a panic would kill the module).
fn with_stores<R>(f: impl FnOnce(&mut Stores) -> Option<R>) -> Option<R> {
    STORES.with(|s| f(&mut *s.try_borrow_mut().ok()?))
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
    with_stores(|s| s.get(id))
}

/// Enters the current context plus `key = value`; answers the one it replaced.
pub(crate) fn enter_with(key: Key, value: RustStore) -> Context {
    let Some(id) = with_stores(|s| Some(s.insert(value))) else {
        wasm_bindgen::throw_str("als-wasm: a Rust store was set while the store table was in use");
    };
    enter_with_value(key, RustStoreHandle { id }.into(), id)
}
