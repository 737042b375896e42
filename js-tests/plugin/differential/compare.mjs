// Compares a program's checkpoints in the browser with Node's, label by label
// (run.mjs). Each entry is [label, a, b, c]: the stores of storages A, B and C
// there (null for none). A checkpoint where the browser saw, for some storage,
// a store other than Node's is a leak (another flow's store, or one where Node
// had none); else, where it saw none but Node had one, a loss. A label reached
// on one side only is missing (Node's) or extra (the browser's).
export function compare(reference, seen) {
  const node = byLabel(reference);
  const browser = byLabel(seen);
  const diffs = [];
  const counts = { checkpoints: node.map.size, leaks: 0, losses: 0, missing: 0, extra: 0 };
  for (const [label, expected] of node.map) {
    const got = browser.map.get(label);
    if (got === undefined) {
      counts.missing++;
      diffs.push({ kind: 'missing', label, node: expected });
      continue;
    }
    const leak = expected.some((store, i) => got[i] !== store && got[i] !== null);
    const loss = !leak && expected.some((store, i) => got[i] !== store);
    if (leak || loss) {
      counts[leak ? 'leaks' : 'losses']++;
      diffs.push({ kind: leak ? 'leak' : 'loss', label, node: expected, browser: got });
    }
  }
  for (const [label, got] of browser.map) {
    if (!node.map.has(label)) {
      counts.extra++;
      diffs.push({ kind: 'extra', label, browser: got });
    }
  }
  return { ...counts, duplicates: [...node.duplicates, ...browser.duplicates], diffs };
}

function byLabel(log) {
  const map = new Map();
  const duplicates = [];
  for (const [label, ...stores] of log) {
    if (map.has(label)) duplicates.push(label);
    map.set(label, stores);
  }
  return { map, duplicates };
}

// One line for a difference: `c12 leak: Node [A1,-,-], browser [A1,B4,-]`.
export function showDiff({ kind, label, node, browser }) {
  const show = (stores) => (stores ? `[${stores.map((s) => s ?? '-').join(',')}]` : 'not reached');
  return `${label} ${kind}: Node ${show(node)}, browser ${show(browser)}`;
}
