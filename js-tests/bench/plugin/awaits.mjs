// App code for the plugin's await workloads (workloads.mjs): three loops of
// sequential awaits, each checking the store after every await. Never
// imported as it is: build-awaits.mjs bundles it twice, with and without
// als-wasm/plugin, so that both variants run the same bundler's output and
// differ only by the rewrite.

const settled = Promise.resolve(1);
// A foreign thenable, as query builders are: no promise, a `then` of its own.
const thenable = { then(resolve) { resolve(1); } };

export async function awaitValues(s, store, ops) {
  let kept = 0;
  for (let i = 0; i < ops; i++) {
    await 5;
    if (s.getStore() === store) kept++;
  }
  return kept;
}

export async function awaitThenables(s, store, ops) {
  let kept = 0;
  for (let i = 0; i < ops; i++) {
    await thenable;
    if (s.getStore() === store) kept++;
  }
  return kept;
}

export async function awaitPromises(s, store, ops) {
  let kept = 0;
  for (let i = 0; i < ops; i++) {
    await settled;
    if (s.getStore() === store) kept++;
  }
  return kept;
}

// Outside any run: what code that never enters a context pays per await.
export async function awaitInRoot(s, store, ops) {
  let none = 0;
  for (let i = 0; i < ops; i++) {
    await settled;
    if (s.getStore() === undefined) none++;
  }
  return none;
}
