// 200k sequential native awaits of a settled promise, the store checked after
// each, in a context (inside run) and outside any context; `mode` is 'none'
// (no library: the check reads a plain variable), 'floor' (no library, but
// every await forced onto the engine's slow path), 'lib' (als-wasm with the
// patch carrier, 'als-wasm/browser') or 'native' (als-wasm's default entry
// where it gets the native carrier). Answers median milliseconds of repeated
// runs and the kept counts.
export async function awaitBench(mode, { awaits = 200_000, runs = 7 } = {}) {
  let storage;
  if (mode === 'lib' || mode === 'native') {
    const { AsyncLocalStorage, carrier } = await import(mode === 'lib' ? 'als-wasm/browser' : 'als-wasm');
    if (carrier !== (mode === 'lib' ? 'patch' : 'native')) throw new Error(`mode ${mode} got the ${carrier} carrier`);
    storage = new AsyncLocalStorage();
  } else {
    if (mode === 'floor') {
      // The engine's slow path alone, which any await hook of this design
      // pays: Promise.prototype.constructor answers something not %Promise%.
      const other = function Promise() {};
      Object.defineProperty(Promise.prototype, 'constructor', { configurable: true, get: () => other });
    }
    let current;
    storage = { run: (store, fn) => { current = store; try { return fn(); } finally { current = undefined; } }, getStore: () => current };
  }
  const store = { id: 1 };
  const settled = Promise.resolve(1);
  async function loop(expect) {
    let kept = 0;
    for (let i = 0; i < awaits; i++) {
      await settled;
      if (storage.getStore() === expect) kept++;
    }
    return kept;
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  const time = async (fn) => {
    const t = performance.now();
    const kept = await fn();
    return { ms: performance.now() - t, kept };
  };
  await loop(undefined); // warm-up
  await storage.run(store, () => loop(store));
  const inside = [];
  const outside = [];
  for (let r = 0; r < runs; r++) {
    inside.push(await time(() => storage.run(store, () => loop(store))));
    outside.push(await time(() => loop(undefined)));
  }
  return {
    mode,
    awaits,
    insideMs: median(inside.map((x) => x.ms)),
    outsideMs: median(outside.map((x) => x.ms)),
    // In a context: checks that saw the store. Outside: checks that saw none.
    keptInside: Math.min(...inside.map((x) => x.kept)),
    keptOutside: Math.min(...outside.map((x) => x.kept)),
  };
}
