// A readable failure for two texts or two trees: where they first differ.
export function firstLineDifference(actual, expected) {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}:\n    expected ${JSON.stringify(e[i])}\n    got      ${JSON.stringify(a[i])}`;
  }
  return null;
}

// The path to the first place where two JSON-like values differ, or null.
export function firstTreeDifference(a, b, path = '') {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const where = a.type ? `${path}.${key}<${a.type}>` : `${path}.${key}`;
    const d = firstTreeDifference(a[key], b[key], where);
    if (d) return d;
  }
  return null;
}
