// 1. Each case's output is its reviewed snapshot, byte for byte
// (UPDATE_SNAPSHOTS=1 rewrites them, except for cases marked as bugs).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { AssertionError, deepEqual, ok, test } from '../support/harness.mjs';
import { cases, onCase, snapshotUrl } from './cases.mjs';
import { firstLineDifference } from './support/diff.mjs';
import { transformAwaits } from './support/installed.mjs';

const update = process.env.UPDATE_SNAPSHOTS === '1';

for (const c of cases) {
  test(`plugin-snapshot: ${c.name}`, () => onCase(c, () => {
    const out = transformAwaits(c.code, c.id);
    ok(out, 'the transform left the case as it is (null)');
    const file = snapshotUrl(c);
    if (update && !c.bug) writeFileSync(file, out.code);
    ok(existsSync(file), `no snapshot ${file.pathname}: write it with UPDATE_SNAPSHOTS=1, then review it`);
    const difference = firstLineDifference(out.code, readFileSync(file, 'utf8'));
    if (difference) throw new AssertionError(`output differs from snapshots/${c.file}, ${difference}`);
  }));
}

// No stray files: every input is a case, every snapshot is a case's.
test('plugin-snapshot: inputs/ and snapshots/ hold only the cases', () => {
  const names = cases.map((c) => c.file).sort();
  deepEqual(readdirSync(new URL('inputs/', import.meta.url)).sort(), names, 'inputs/');
  const snapshots = readdirSync(new URL('snapshots/', import.meta.url)).sort();
  deepEqual(snapshots, cases.filter((c) => existsSync(snapshotUrl(c))).map((c) => c.file).sort(), 'snapshots/');
});
