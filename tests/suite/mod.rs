//! Cases shared by `tests/node.rs` and `tests/browser.rs`: the typed Rust API
//! in wasm, where the context slot lives in JS and futures run on the JS
//! event loop.

use std::cell::RefCell;
use std::rc::Rc;
use std::task::Poll;

use als_wasm::{spawn_local, AsyncLocalStorage, Snapshot, WithContext};
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{poll_once, YieldOnce};

#[wasm_bindgen(inline_js = r#"
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export function callJs(f) {
  return f();
}
export function callJsTwice(f) {
  const first = f();
  const second = f();
  return [first, second];
}
export function later(f, ms) {
  setTimeout(f, ms);
}
"#)]
extern "C" {
    /// A promise resolved by `setTimeout` after `ms` milliseconds.
    fn sleep(ms: u32) -> Promise;
    /// Plain JS that calls `f` back at once and answers what it answered.
    #[wasm_bindgen(js_name = callJs)]
    fn call_js(f: &Function) -> JsValue;
    #[wasm_bindgen(js_name = callJsTwice)]
    fn call_js_twice(f: &Function) -> js_sys::Array;
    /// `setTimeout(f, ms)`.
    fn later(f: &Function, ms: u32);
}

/// Awaits `setTimeout(ms)`.
async fn wait(ms: u32) {
    JsFuture::from(sleep(ms)).await.unwrap();
}

/// Awaits a promise that is already resolved.
async fn resolved() {
    JsFuture::from(Promise::resolve(&JsValue::from(1))).await.unwrap();
}

/// A JS promise and the function that resolves it: a one-shot channel.
fn channel() -> (Function, Promise) {
    let mut resolve = None;
    let promise = Promise::new(&mut |res, _rej| resolve = Some(res));
    (resolve.unwrap(), promise)
}

/// A JS function that reads `storage` from Rust: `null` when unset.
fn reader(storage: &Rc<AsyncLocalStorage<u32>>) -> Closure<dyn FnMut() -> JsValue> {
    let storage = storage.clone();
    Closure::new(move || storage.get().map_or(JsValue::NULL, JsValue::from))
}

fn as_u32(value: JsValue) -> Option<u32> {
    value.as_f64().map(|v| v as u32)
}

#[wasm_bindgen_test]
fn typed_storage_run_get_with_and_try_with_follow_nesting_in_wasm() {
    let a = AsyncLocalStorage::<u32>::new();
    let b = AsyncLocalStorage::<String>::new();
    assert_eq!(a.get(), None);
    assert!(a.try_with(|v| *v).is_err());
    let out = a.run(1, || {
        assert_eq!(a.get(), Some(1));
        assert_eq!(a.with(|v| v + 1), 2);
        assert_eq!(b.get(), None);
        b.run("x".to_string(), || {
            assert_eq!(b.with(|s| s.clone()), "x");
            a.run(2, || assert_eq!((a.get(), b.get().as_deref()), (Some(2), Some("x"))));
            assert_eq!(a.try_with(|v| *v), Ok(1));
        });
        assert!(b.try_with(|s| s.len()).is_err());
        "done"
    });
    assert_eq!(out, "done");
    assert_eq!(a.get(), None);
    assert_eq!(b.get(), None);
}

#[wasm_bindgen_test]
fn two_storages_never_see_each_others_values_in_wasm() {
    let a = AsyncLocalStorage::<u32>::new();
    let b = AsyncLocalStorage::<u32>::new();
    a.run(1, || {
        assert_eq!(b.get(), None);
        b.run(2, || assert_eq!((a.get(), b.get()), (Some(1), Some(2))));
        assert_eq!(b.get(), None);
    });
    b.run(3, || assert_eq!(a.get(), None));
}

#[wasm_bindgen_test]
fn snapshot_runs_and_wraps_the_captured_context_in_wasm() {
    let a = AsyncLocalStorage::<u32>::new();
    let b = AsyncLocalStorage::<u32>::new();
    let empty = Snapshot::capture();
    let snapshot = a.run(1, || b.run(2, Snapshot::capture));
    assert_eq!((a.get(), b.get()), (None, None));
    a.run(3, || {
        assert_eq!(snapshot.run(|| (a.get(), b.get())), (Some(1), Some(2)));
        assert_eq!(empty.run(|| (a.get(), b.get())), (None, None));
        assert_eq!(a.get(), Some(3));
    });

    let mut task = Box::pin(snapshot.wrap(async {
        let first = (a.get(), b.get());
        YieldOnce(false).await;
        (first, (a.get(), b.get()))
    }));
    b.run(4, || {
        assert!(poll_once(task.as_mut()).is_pending());
        assert_eq!((a.get(), b.get()), (None, Some(4)));
    });
    let Poll::Ready(seen) = poll_once(task.as_mut()) else { panic!("not ready") };
    assert_eq!(seen, ((Some(1), Some(2)), (Some(1), Some(2))));
    assert_eq!((a.get(), b.get()), (None, None));
}

#[wasm_bindgen_test]
async fn scope_future_sees_its_value_across_js_awaits() {
    let a = Rc::new(AsyncLocalStorage::<u32>::new());
    let seen = a
        .scope(5, {
            let a = a.clone();
            async move {
                let mut seen = vec![a.get()];
                resolved().await;
                seen.push(a.get());
                wait(5).await;
                seen.push(a.get());
                a.run(6, || seen.push(a.get()));
                seen.push(a.get());
                seen
            }
        })
        .await;
    assert_eq!(seen, [Some(5), Some(5), Some(5), Some(6), Some(5)]);
    assert_eq!(a.get(), None);
}

#[wasm_bindgen_test]
async fn spawn_local_inside_run_sees_the_value_after_js_awaits_and_after_run_returned() {
    let storage = Rc::new(AsyncLocalStorage::<u32>::new());
    let seen = Rc::new(RefCell::new(Vec::new()));
    let (done, finished) = channel();
    storage.run(7, || {
        let (storage, seen) = (storage.clone(), seen.clone());
        spawn_local(async move {
            seen.borrow_mut().push(("first poll", storage.get()));
            resolved().await;
            seen.borrow_mut().push(("after a resolved promise", storage.get()));
            wait(5).await;
            seen.borrow_mut().push(("after setTimeout", storage.get()));
            wait(0).await;
            seen.borrow_mut().push(("after setTimeout 0", storage.get()));
            done.call0(&JsValue::UNDEFINED).unwrap();
        })
    });
    // The outer run has returned before the spawned future is first polled.
    assert!(seen.borrow().is_empty(), "spawned future polled synchronously");
    assert_eq!(storage.get(), None);
    JsFuture::from(finished).await.unwrap();
    assert_eq!(
        *seen.borrow(),
        [
            ("first poll", Some(7)),
            ("after a resolved promise", Some(7)),
            ("after setTimeout", Some(7)),
            ("after setTimeout 0", Some(7)),
        ]
    );
    assert_eq!(storage.get(), None);
}

#[wasm_bindgen_test]
async fn concurrent_spawned_futures_never_see_each_others_values() {
    let storage = Rc::new(AsyncLocalStorage::<u32>::new());
    let seen = Rc::new(RefCell::new(Vec::new()));
    let mut finished = Vec::new();
    for (value, ms) in [(Some(1), [3, 0, 7]), (Some(2), [0, 5, 1]), (None, [1, 1, 1])] {
        let (done, promise) = channel();
        finished.push(promise);
        let (s, seen) = (storage.clone(), seen.clone());
        let task = async move {
            for (step, ms) in ms.into_iter().enumerate() {
                seen.borrow_mut().push((value, step, s.get()));
                if step % 2 == 0 {
                    wait(ms).await;
                } else {
                    resolved().await;
                }
            }
            seen.borrow_mut().push((value, 3, s.get()));
            done.call0(&JsValue::UNDEFINED).unwrap();
        };
        match value {
            Some(v) => storage.run(v, || spawn_local(task)),
            None => spawn_local(task),
        }
    }
    for promise in finished {
        JsFuture::from(promise).await.unwrap();
    }
    let seen = seen.borrow();
    assert_eq!(seen.len(), 12);
    for &(value, step, got) in seen.iter() {
        assert_eq!(got, value, "task {value:?} at step {step} saw {got:?}");
    }
    // The tasks really interleaved.
    let order: Vec<_> = seen.iter().map(|&(v, _, _)| v).collect();
    assert_ne!(order[..4], [Some(1); 4], "no interleaving: {order:?}");
    assert_eq!(storage.get(), None);
}

#[wasm_bindgen_test]
async fn js_called_from_a_poll_sees_the_futures_context() {
    let storage = Rc::new(AsyncLocalStorage::<u32>::new());
    let read = reader(&storage);
    let read_fn: Function = read.as_ref().unchecked_ref::<Function>().clone();
    // A JS callback that itself enters a Rust run and calls JS again.
    let nested = {
        let (storage, read_fn) = (storage.clone(), read_fn.clone());
        Closure::<dyn FnMut() -> JsValue>::new(move || {
            let inner = storage.run(8, || call_js(&read_fn));
            let after = call_js(&read_fn);
            js_sys::Array::of2(&inner, &after).into()
        })
    };
    let nested_fn: Function = nested.as_ref().unchecked_ref::<Function>().clone();

    let task = {
        let read_fn = read_fn.clone();
        storage.scope(5, async move {
            let mut seen = vec![as_u32(call_js(&read_fn))];
            wait(1).await;
            seen.push(as_u32(call_js(&read_fn)));
            resolved().await;
            let pair = call_js_twice(&read_fn);
            seen.push(as_u32(pair.get(0)));
            seen.push(as_u32(pair.get(1)));
            let nested = js_sys::Array::from(&call_js(&nested_fn));
            seen.push(as_u32(nested.get(0)));
            seen.push(as_u32(nested.get(1)));
            seen
        })
    };
    // Polled first inside another value, then by the test's executor.
    let mut task = Box::pin(task);
    storage.run(9, || {
        assert!(poll_once(task.as_mut()).is_pending());
        assert_eq!(as_u32(call_js(&read_fn)), Some(9));
    });
    let seen = task.await;
    assert_eq!(seen, [Some(5), Some(5), Some(5), Some(5), Some(8), Some(5)]);
    assert_eq!(as_u32(call_js(&read_fn)), None);

    // Spawned on the event loop from a run, JS called from each poll sees it too.
    let (done, finished) = channel();
    let results = Rc::new(RefCell::new(Vec::new()));
    storage.run(11, || {
        let (read_fn, results) = (read_fn.clone(), results.clone());
        spawn_local(async move {
            results.borrow_mut().push(as_u32(call_js(&read_fn)));
            wait(2).await;
            results.borrow_mut().push(as_u32(call_js(&read_fn)));
            done.call0(&JsValue::UNDEFINED).unwrap();
        })
    });
    JsFuture::from(finished).await.unwrap();
    assert_eq!(*results.borrow(), [Some(11), Some(11)]);
    drop((read, nested));
}

#[wasm_bindgen_test]
fn with_context_restores_the_previous_context_after_each_poll() {
    let storage = Rc::new(AsyncLocalStorage::<u32>::new());
    let read = reader(&storage);
    let read_fn: &Function = read.as_ref().unchecked_ref();
    let polls = Rc::new(RefCell::new(Vec::new()));
    let mut task = Box::pin(storage.run(1, || {
        let (storage, polls, read_fn) = (storage.clone(), polls.clone(), read_fn.clone());
        WithContext::new(async move {
            for _ in 0..3 {
                polls.borrow_mut().push((storage.get(), as_u32(call_js(&read_fn))));
                YieldOnce(false).await;
            }
        })
    }));
    assert!(poll_once(task.as_mut()).is_pending());
    assert_eq!(storage.get(), None);
    assert_eq!(as_u32(call_js(read_fn)), None);
    storage.run(2, || {
        assert!(poll_once(task.as_mut()).is_pending());
        assert_eq!(storage.get(), Some(2));
        assert_eq!(as_u32(call_js(read_fn)), Some(2));
        storage.run(3, || {
            assert!(poll_once(task.as_mut()).is_pending());
            assert_eq!(as_u32(call_js(read_fn)), Some(3));
        });
        assert!(poll_once(task.as_mut()).is_ready());
        assert_eq!(as_u32(call_js(read_fn)), Some(2));
    });
    assert_eq!(storage.get(), None);
    assert_eq!(*polls.borrow(), [(Some(1), Some(1)); 3]);
}

#[wasm_bindgen_test]
async fn js_timers_between_polls_of_a_spawned_future_see_the_root_context() {
    let storage = Rc::new(AsyncLocalStorage::<u32>::new());
    let timer_seen = Rc::new(RefCell::new(Vec::new()));
    let timer = {
        let (storage, timer_seen) = (storage.clone(), timer_seen.clone());
        Closure::<dyn FnMut()>::new(move || timer_seen.borrow_mut().push(storage.get()))
    };
    let (done, finished) = channel();
    let task_seen = Rc::new(RefCell::new(Vec::new()));
    storage.run(1, || {
        let (storage, task_seen) = (storage.clone(), task_seen.clone());
        spawn_local(async move {
            for _ in 0..3 {
                task_seen.borrow_mut().push(storage.get());
                wait(10).await;
            }
            done.call0(&JsValue::UNDEFINED).unwrap();
        })
    });
    // Timers set at the top level, firing between the task's polls.
    for ms in [5, 15, 25, 35] {
        later(timer.as_ref().unchecked_ref(), ms);
    }
    JsFuture::from(finished).await.unwrap();
    wait(20).await;
    assert_eq!(*task_seen.borrow(), [Some(1); 3]);
    assert_eq!(*timer_seen.borrow(), [None; 4]);
    assert_eq!(storage.get(), None);
}

/// Reads its storage when dropped.
struct ReadOnDrop {
    storage: Rc<AsyncLocalStorage<u32>>,
    seen: Rc<RefCell<Vec<Option<u32>>>>,
}

impl Drop for ReadOnDrop {
    fn drop(&mut self) {
        self.seen.borrow_mut().push(self.storage.get());
    }
}

#[wasm_bindgen_test]
fn an_inner_future_is_dropped_inside_its_context_in_wasm() {
    let storage = Rc::new(AsyncLocalStorage::<u32>::new());
    let seen = Rc::new(RefCell::new(Vec::new()));
    let guard = || ReadOnDrop { storage: storage.clone(), seen: seen.clone() };
    // Pending, then dropped elsewhere.
    let g = guard();
    let mut task = Box::pin(storage.scope(1, async move {
        let _g = g;
        YieldOnce(false).await;
    }));
    assert!(poll_once(task.as_mut()).is_pending());
    storage.run(2, || drop(task));
    // Completed: dropped with the finished future, inside its context.
    let g = guard();
    let mut task = Box::pin(storage.scope(3, async move {
        let _keep = &g;
        YieldOnce(false).await;
    }));
    storage.run(4, || while poll_once(task.as_mut()).is_pending() {});
    assert_eq!(*seen.borrow(), [Some(1), Some(3)]);
    assert_eq!(storage.get(), None);
}

#[wasm_bindgen_test]
async fn a_js_run_scope_is_seen_by_rust_futures_spawned_inside_it_after_js_awaits() {
    use als_wasm::__JsAsyncLocalStorage as JsStorage;
    let storage = Rc::new(JsStorage::new(JsValue::UNDEFINED).unwrap_throw());
    let seen: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let (done, finished) = channel();
    for (store, last) in [("request-a", false), ("request-b", true)] {
        let (storage2, seen2, done2) = (storage.clone(), seen.clone(), done.clone());
        let body = Closure::once_into_js(move || {
            spawn_local(async move {
                seen2.borrow_mut().push(storage2.get_store());
                wait(5).await;
                seen2.borrow_mut().push(storage2.get_store());
                resolved().await;
                seen2.borrow_mut().push(storage2.get_store());
                if last {
                    wait(10).await;
                    let _ = done2.call0(&JsValue::NULL);
                }
            });
        });
        // What JS `storage.run(store, body)` does (pkg-template/core/api.js).
        let prior = storage.get_store();
        storage.enter_with(JsValue::from_str(store));
        let _ = body.unchecked_ref::<Function>().call0(&JsValue::NULL);
        storage.enter_with(prior);
    }
    assert!(storage.get_store().is_undefined());
    JsFuture::from(finished).await.unwrap_throw();
    let seen: Vec<String> = seen.borrow().iter().map(|v| v.as_string().unwrap_or_default()).collect();
    let a = seen.iter().filter(|s| *s == "request-a").count();
    let b = seen.iter().filter(|s| *s == "request-b").count();
    assert_eq!((a, b, seen.len()), (3, 3, 6), "each future sees only its own JS store: {seen:?}");
}
