//! Native tests of the typed Rust API: a model-based property test over
//! random nested operations, and plain unit tests of the guarantees.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Once;
use std::task::{Context as TaskContext, Poll};

use als_wasm::{AccessError, AsyncLocalStorage, Snapshot, WithContext};
use proptest::prelude::*;

mod support;
use support::{poll_once, YieldOnce};

// ---------------------------------------------------------------------------
// Panics on purpose
// ---------------------------------------------------------------------------

/// The payload of the panics these tests raise on purpose.
struct Boom;

/// Silences the panic hook for [`Boom`] only, so real failures still print.
fn quiet_boom() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if info.payload().downcast_ref::<Boom>().is_none() {
                default(info);
            }
        }));
    });
}

fn boom() -> ! {
    panic::panic_any(Boom)
}

/// Runs `f`, expecting it to raise [`Boom`]; any other panic (a failed
/// assertion) keeps unwinding.
fn expect_boom<R>(f: impl FnOnce() -> R) {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic"),
        Err(payload) if payload.is::<Boom>() => {}
        Err(payload) => panic::resume_unwind(payload),
    }
}

// ---------------------------------------------------------------------------
// Model-based property test
// ---------------------------------------------------------------------------

const STORAGES: usize = 3;

type Map = HashMap<usize, u32>;

/// How a future is made, which decides the context it must see.
#[derive(Debug, Clone)]
enum Make {
    /// `WithContext::new`: the context current at creation.
    New,
    /// `storage.scope(value, ..)`: the creation context plus `storage = value`.
    Scope(usize, u32),
    /// `snapshot.wrap(..)` of the n-th captured snapshot (modulo their count).
    Wrap(usize),
}

/// What happens to a future after its first poll.
#[derive(Debug, Clone, Copy)]
enum Fate {
    /// Polled to completion.
    Complete,
    /// Dropped while pending.
    Abandon,
    /// Its first poll panics (after running its steps); then it is dropped.
    PanicInFirstPoll,
}

#[derive(Debug, Clone)]
enum Op {
    /// Compare every storage with the model (also done after every op).
    Check,
    /// `storages[s].run(value, || body)`, panicking at the end when `panics`.
    Run { storage: usize, value: u32, panics: bool, body: Vec<Op> },
    /// `Snapshot::capture()`, kept for later.
    Capture,
    /// `snapshot.run(|| body)` of the n-th snapshot, panicking at the end when `panics`.
    RunSnapshot { index: usize, panics: bool, body: Vec<Op> },
    /// A future made in the current context whose two polls run `first`
    /// and `second`; it is polled first in the current context, then (or
    /// dropped) inside `storages[s].run(v)` when `elsewhere` is set, or via
    /// `futures::executor::block_on` when not.
    Future { make: Make, first: Vec<Op>, second: Vec<Op>, elsewhere: Option<(usize, u32)>, fate: Fate },
}

struct Env {
    storages: [AsyncLocalStorage<u32>; STORAGES],
    /// The model: the context stack, innermost last.
    model: RefCell<Vec<Map>>,
    snapshots: RefCell<Vec<(Snapshot, Map)>>,
    /// Mismatches seen in `Drop` impls (which must not panic).
    drop_errors: RefCell<Vec<String>>,
    steps: Cell<usize>,
    in_executor: Cell<bool>,
}

impl Env {
    fn new() -> Rc<Self> {
        Rc::new(Env {
            storages: [AsyncLocalStorage::new(), AsyncLocalStorage::new(), AsyncLocalStorage::new()],
            model: RefCell::new(vec![Map::new()]),
            snapshots: RefCell::new(Vec::new()),
            drop_errors: RefCell::new(Vec::new()),
            steps: Cell::new(0),
            in_executor: Cell::new(false),
        })
    }

    fn top(&self) -> Map {
        self.model.borrow().last().expect("model stack is never empty").clone()
    }

    fn push(&self, map: Map) {
        self.model.borrow_mut().push(map);
    }

    fn pop(&self) {
        let mut model = self.model.borrow_mut();
        assert!(model.len() > 1, "model underflow");
        model.pop();
    }

    fn observed(&self) -> Map {
        let mut seen = Map::new();
        for (i, storage) in self.storages.iter().enumerate() {
            let got = storage.get();
            // The three readers must agree.
            assert_eq!(storage.try_with(|v| *v).ok(), got, "try_with disagrees with get");
            if let Some(v) = got {
                assert_eq!(storage.with(|v| *v), v, "with disagrees with get");
                seen.insert(i, v);
            }
        }
        seen
    }

    fn check(&self, what: &str) {
        self.steps.set(self.steps.get() + 1);
        let expected = self.top();
        let seen = self.observed();
        assert_eq!(seen, expected, "context mismatch {what} (step {})", self.steps.get());
    }

    fn exec_all(self: &Rc<Self>, ops: &[Op]) {
        for op in ops {
            self.exec(op);
            self.check(&format!("after {}", name(op)));
        }
    }

    fn exec(self: &Rc<Self>, op: &Op) {
        match op {
            Op::Check => self.check("on Check"),
            Op::Run { storage, value, panics, body } => {
                let mut map = self.top();
                map.insert(*storage, *value);
                self.exec_entered(map, "entering run", body, *panics, |inner| {
                    self.storages[*storage].run(*value, inner)
                });
            }
            Op::Capture => {
                let snapshot = Snapshot::capture();
                self.snapshots.borrow_mut().push((snapshot, self.top()));
            }
            Op::RunSnapshot { index, panics, body } => {
                let Some((snapshot, map)) = self.snapshot(*index) else { return };
                self.exec_entered(map, "entering snapshot", body, *panics, |inner| snapshot.run(inner));
            }
            Op::Future { make, first, second, elsewhere, fate } => {
                self.exec_future(make, first, second, *elsewhere, *fate)
            }
        }
    }

    /// Runs `body` inside `enter` (a storage's run or a snapshot's) with
    /// `map` as the model's top, checking on entry; a panicking body must
    /// unwind out of `enter` and leave the context as it was.
    fn exec_entered(
        self: &Rc<Self>,
        map: Map,
        entering: &str,
        body: &[Op],
        panics: bool,
        enter: impl FnOnce(&mut dyn FnMut()),
    ) {
        let mut inner = || {
            self.check(entering);
            self.exec_all(body);
            if panics {
                boom();
            }
        };
        self.push(map);
        if panics {
            expect_boom(|| enter(&mut inner));
        } else {
            enter(&mut inner);
        }
        self.pop();
    }

    fn snapshot(&self, index: usize) -> Option<(Snapshot, Map)> {
        let snapshots = self.snapshots.borrow();
        if snapshots.is_empty() {
            None
        } else {
            Some(snapshots[index % snapshots.len()].clone())
        }
    }

    fn exec_future(
        self: &Rc<Self>,
        make: &Make,
        first: &[Op],
        second: &[Op],
        elsewhere: Option<(usize, u32)>,
        fate: Fate,
    ) {
        let done = Rc::new(Cell::new(false));
        let dropped = Rc::new(Cell::new(false));
        let steps = |expected: Map| Steps {
            env: self.clone(),
            segments: vec![first.to_vec(), second.to_vec()],
            next: 0,
            panic_in_first: matches!(fate, Fate::PanicInFirstPoll),
            done: done.clone(),
            _guard: DropCheck { env: self.clone(), expected, dropped: dropped.clone() },
        };
        let mut future: Pin<Box<WithContext<Steps>>> = match make {
            Make::New => Box::pin(WithContext::new(steps(self.top()))),
            Make::Scope(s, v) => {
                let mut map = self.top();
                map.insert(*s, *v);
                Box::pin(self.storages[*s].scope(*v, steps(map)))
            }
            Make::Wrap(index) => {
                let Some((snapshot, map)) = self.snapshot(*index) else { return };
                Box::pin(snapshot.wrap(steps(map)))
            }
        };
        // Making the future must not change the context.
        self.check("after making a future");

        // First poll, here.
        match fate {
            Fate::PanicInFirstPoll => expect_boom(|| poll_once(future.as_mut())),
            Fate::Complete | Fate::Abandon => {
                assert!(poll_once(future.as_mut()).is_pending(), "two-step future ready at once");
            }
        }
        self.check("after the first poll");

        // Then the second poll, or the drop, in another context.
        let rest = |future: Pin<Box<WithContext<Steps>>>| match fate {
            Fate::Complete => {
                let mut future = future;
                assert!(poll_once(future.as_mut()).is_ready(), "future not ready after two polls");
                assert!(done.get());
                // The inner future is dropped on completion, inside its context.
                assert!(dropped.get(), "inner future not dropped on completion");
                drop(future);
            }
            Fate::Abandon | Fate::PanicInFirstPoll => {
                assert!(!dropped.get());
                drop(future);
                assert!(dropped.get(), "inner future not dropped with WithContext");
            }
        };
        match (elsewhere, fate) {
            (Some((s, v)), _) => {
                let mut map = self.top();
                map.insert(s, v);
                self.push(map);
                self.storages[s].run(v, || {
                    rest(future);
                    self.check("after the future, elsewhere");
                });
                self.pop();
            }
            (None, Fate::Complete) => {
                // `futures` executors do not nest; inner ones spin instead.
                if self.in_executor.replace(true) {
                    while poll_once(future.as_mut()).is_pending() {}
                } else {
                    futures::executor::block_on(future.as_mut());
                    self.in_executor.set(false);
                }
                drop(future);
                assert!(done.get());
                assert!(dropped.get());
            }
            (None, _) => rest(future),
        }
        let errors = std::mem::take(&mut *self.drop_errors.borrow_mut());
        assert!(errors.is_empty(), "{errors:?}");
    }
}

fn name(op: &Op) -> &'static str {
    match op {
        Op::Check => "Check",
        Op::Run { panics: false, .. } => "Run",
        Op::Run { panics: true, .. } => "Run (panics)",
        Op::Capture => "Capture",
        Op::RunSnapshot { .. } => "RunSnapshot",
        Op::Future { .. } => "Future",
    }
}

/// Runs one segment of ops per poll, in the context the model expects.
struct Steps {
    env: Rc<Env>,
    segments: Vec<Vec<Op>>,
    next: usize,
    panic_in_first: bool,
    done: Rc<Cell<bool>>,
    _guard: DropCheck,
}

impl Future for Steps {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<()> {
        let env = self.env.clone();
        env.push(self._guard.expected.clone());
        env.check("entering a poll");
        let segment = self.segments[self.next].clone();
        env.exec_all(&segment);
        env.pop();
        if self.next == 0 && self.panic_in_first {
            boom();
        }
        self.next += 1;
        if self.next == self.segments.len() {
            self.done.set(true);
            Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Records whether the storages hold `expected` when it is dropped.
struct DropCheck {
    env: Rc<Env>,
    expected: Map,
    dropped: Rc<Cell<bool>>,
}

impl Drop for DropCheck {
    fn drop(&mut self) {
        self.dropped.set(true);
        let seen: Map = self.env.storages.iter().enumerate().filter_map(|(i, s)| s.get().map(|v| (i, v))).collect();
        if seen != self.expected {
            self.env.drop_errors.borrow_mut().push(format!("dropped in {seen:?}, expected {:?}", self.expected));
        }
    }
}

fn storage() -> impl Strategy<Value = usize> {
    0..STORAGES
}

fn value() -> impl Strategy<Value = u32> {
    // Few values, so that equal values in different storages are common.
    0u32..4
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let leaf = prop_oneof![Just(Op::Check), Just(Op::Capture)];
    let op = leaf.prop_recursive(4, 48, 4, |inner| {
        let body = prop::collection::vec(inner, 0..4);
        prop_oneof![
            (storage(), value(), prop::bool::weighted(0.2), body.clone())
                .prop_map(|(storage, value, panics, body)| Op::Run { storage, value, panics, body }),
            (any::<usize>(), prop::bool::weighted(0.2), body.clone())
                .prop_map(|(index, panics, body)| Op::RunSnapshot { index, panics, body }),
            (
                prop_oneof![
                    Just(Make::New),
                    (storage(), value()).prop_map(|(s, v)| Make::Scope(s, v)),
                    any::<usize>().prop_map(Make::Wrap),
                ],
                body.clone(),
                body,
                prop::option::of((storage(), value())),
                prop_oneof![
                    3 => Just(Fate::Complete),
                    1 => Just(Fate::Abandon),
                    1 => Just(Fate::PanicInFirstPoll),
                ],
            )
                .prop_map(|(make, first, second, elsewhere, fate)| Op::Future {
                    make,
                    first,
                    second,
                    elsewhere,
                    fate,
                }),
        ]
    });
    prop::collection::vec(op, 1..12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_nested_operations_match_the_model(program in ops()) {
        quiet_boom();
        let env = Env::new();
        env.check("at the start");
        env.exec_all(&program);
        // Back at the top level, every storage is empty again.
        env.check("at the end");
        prop_assert_eq!(env.observed(), Map::new());
        prop_assert_eq!(env.model.borrow().len(), 1);
    }
}

// ---------------------------------------------------------------------------
// Unit tests
// ---------------------------------------------------------------------------

#[test]
fn context_is_restored_after_a_panic_in_run() {
    quiet_boom();
    let a = AsyncLocalStorage::<u32>::new();
    let b = AsyncLocalStorage::<u32>::new();
    a.run(1, || {
        expect_boom(|| {
            a.run(2, || {
                b.run(3, || {
                    assert_eq!((a.get(), b.get()), (Some(2), Some(3)));
                    boom()
                })
            })
        });
        assert_eq!((a.get(), b.get()), (Some(1), None));
    });
    assert_eq!((a.get(), b.get()), (None, None));
}

#[test]
fn context_is_restored_after_a_panic_in_snapshot_run() {
    quiet_boom();
    let a = AsyncLocalStorage::<u32>::new();
    let snapshot = a.run(1, Snapshot::capture);
    a.run(2, || {
        expect_boom(|| {
            snapshot.run(|| {
                assert_eq!(a.get(), Some(1));
                boom()
            })
        });
        assert_eq!(a.get(), Some(2));
    });
    assert_eq!(a.get(), None);
}

#[test]
fn context_is_restored_after_a_panic_in_a_poll() {
    quiet_boom();
    let a = AsyncLocalStorage::<u32>::new();
    let mut task = Box::pin(a.scope(1, async {
        assert_eq!(a.get(), Some(1));
        boom()
    }));
    a.run(2, || {
        expect_boom(|| poll_once(task.as_mut()));
        assert_eq!(a.get(), Some(2));
    });
    assert_eq!(a.get(), None);
}

#[test]
fn a_future_polled_inside_another_storages_run_sees_its_own_context() {
    let a = AsyncLocalStorage::<u32>::new();
    let b = AsyncLocalStorage::<u32>::new();
    let seen = RefCell::new(Vec::new());
    let mut task = Box::pin(a.run(1, || {
        WithContext::new(async {
            seen.borrow_mut().push((a.get(), b.get()));
            YieldOnce(false).await;
            seen.borrow_mut().push((a.get(), b.get()));
        })
    }));
    b.run(10, || {
        assert!(poll_once(task.as_mut()).is_pending());
        // The poll restored b's run.
        assert_eq!((a.get(), b.get()), (None, Some(10)));
    });
    a.run(2, || {
        b.run(20, || {
            assert!(poll_once(task.as_mut()).is_ready());
            assert_eq!((a.get(), b.get()), (Some(2), Some(20)));
        })
    });
    assert_eq!(*seen.borrow(), [(Some(1), None), (Some(1), None)]);
}

#[test]
fn scope_adds_its_value_to_the_creation_context_only() {
    let a = AsyncLocalStorage::<u32>::new();
    let b = AsyncLocalStorage::<u32>::new();
    let task = a.run(1, || b.scope(2, async { (a.get(), b.get()) }));
    assert_eq!((a.get(), b.get()), (None, None));
    let seen = b.run(3, || futures::executor::block_on(task));
    assert_eq!(seen, (Some(1), Some(2)));
}

/// Records, when dropped, what `storage` held.
struct ReadOnDrop<'a> {
    storage: &'a AsyncLocalStorage<u32>,
    seen: &'a Cell<Option<Option<u32>>>,
}

impl Drop for ReadOnDrop<'_> {
    fn drop(&mut self) {
        self.seen.set(Some(self.storage.get()));
    }
}

#[test]
fn an_inner_future_dropped_while_pending_is_dropped_inside_its_context() {
    let a = AsyncLocalStorage::<u32>::new();
    let seen = Cell::new(None);
    let mut task = Box::pin(a.scope(1, async {
        let _guard = ReadOnDrop { storage: &a, seen: &seen };
        YieldOnce(false).await;
    }));
    assert!(poll_once(task.as_mut()).is_pending());
    a.run(2, || drop(task));
    assert_eq!(seen.get(), Some(Some(1)));
}

#[test]
fn an_inner_future_never_polled_is_dropped_inside_its_context() {
    let a = AsyncLocalStorage::<u32>::new();
    let seen = Cell::new(None);
    let guard = ReadOnDrop { storage: &a, seen: &seen };
    let task = a.run(1, || {
        WithContext::new(async move {
            let _guard = guard;
        })
    });
    a.run(2, || drop(task));
    assert_eq!(seen.get(), Some(Some(1)));
}

#[test]
fn an_inner_future_is_dropped_inside_its_context_when_it_completes() {
    let a = AsyncLocalStorage::<u32>::new();
    let seen = Cell::new(None);
    let guard = ReadOnDrop { storage: &a, seen: &seen };
    // The guard is not used by the body, so it is dropped with the finished
    // future's state, not at the end of the body.
    let task = a.scope(1, async move {
        let _keep = &guard;
        YieldOnce(false).await;
    });
    a.run(2, || futures::executor::block_on(task));
    assert_eq!(seen.get(), Some(Some(1)));
}

#[test]
fn an_inner_future_that_panicked_is_dropped_inside_its_context() {
    quiet_boom();
    let a = AsyncLocalStorage::<u32>::new();
    let seen = Cell::new(None);
    let guard = ReadOnDrop { storage: &a, seen: &seen };
    let mut task = Box::pin(a.scope(1, async move {
        let _keep = &guard;
        boom()
    }));
    a.run(2, || expect_boom(|| poll_once(task.as_mut())));
    // Unwinding out of the async body drops its locals at once (in context).
    assert_eq!(seen.get(), Some(Some(1)));
    a.run(3, || drop(task));
    assert_eq!(a.get(), None);
}

#[test]
fn two_storages_never_see_each_others_values() {
    let a = AsyncLocalStorage::<u32>::new();
    let b = AsyncLocalStorage::<u32>::new();
    a.run(1, || {
        assert_eq!(b.get(), None);
        assert_eq!(b.try_with(|v| *v), Err(AccessError::clone(&a.run(0, || b.try_with(|v| *v)).unwrap_err())));
        b.run(2, || {
            assert_eq!((a.get(), b.get()), (Some(1), Some(2)));
            a.run(3, || assert_eq!((a.get(), b.get()), (Some(3), Some(2))));
            assert_eq!((a.get(), b.get()), (Some(1), Some(2)));
        });
        assert_eq!(b.get(), None);
    });
    b.run(4, || assert_eq!(a.get(), None));
    // Different value types, same shape.
    let s = AsyncLocalStorage::<String>::new();
    let n = AsyncLocalStorage::<u64>::new();
    s.run("s".into(), || {
        assert_eq!(n.get(), None);
        n.run(5, || assert_eq!(s.get().as_deref(), Some("s")));
    });
}

#[test]
fn with_panics_outside_a_run_and_try_with_reports_access_error() {
    quiet_boom();
    let a = AsyncLocalStorage::<u32>::new();
    let error = a.try_with(|v| *v).unwrap_err();
    assert_eq!(error.to_string(), "no value is set for this storage in the current context");
    let payload = panic::catch_unwind(|| a.with(|v| *v)).unwrap_err();
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    assert!(message.contains("AsyncLocalStorage::with"), "{message}");
}
