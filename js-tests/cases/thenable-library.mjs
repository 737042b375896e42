// A real thenable library awaited inside run(): the query builders
// of @supabase/postgrest-js (supabase-js's database client) against the
// PostgREST stand-in of serve.mjs (/rest/v1/). PostgrestBuilder is a plain
// class (`var PostgrestBuilder = class {` in dist/index.mjs; `implements
// PromiseLike` in src/PostgrestBuilder.ts) whose own then() starts the fetch:
// neither a Promise nor a subclass, so `await builder` is a foreign thenable.
// With `exact` (a native carrier, or code rewritten by als-wasm/plugin) every
// checkpoint keeps its store; the patch carrier alone loses it after such an
// await (docs/browser-carrier.md, limits) and must never show another flow's store.
// The awaited values are checked too: the plugin must hand back what the
// library answers, unchanged.
// Browser pages only (the stub is their own origin): where there is no
// `location` (Node, Deno, Bun import cases too) no test is registered.
import { PostgrestClient, PostgrestError } from '@supabase/postgrest-js';
import { test, equal, ok, deepEqual } from '../support/harness.mjs';
import { exact } from '../support/subject.mjs';
import { flows, allKept, noLeaks } from '../support/flows.mjs';

const origin = /^https?:$/.test(globalThis.location?.protocol) ? globalThis.location.origin : null;
const COUNT = 5;
// Rows live on the server for its lifetime: each page load uses its own owners.
const RUN = Math.random().toString(36).slice(2);
const kept = exact ? 'keeps the store' : 'never leaks';

// Flow `id` gets a client whose answers take (COUNT + 1 - id) * 3 ms, so the
// flows' requests overlap and finish in reverse order.
const client = (id) => new PostgrestClient(`${origin}/rest/v1`, { headers: { 'x-stub-delay': String((COUNT + 1 - id) * 3) } });

function expectKept(seen, count) {
  equal(seen.length, count, 'checkpoints');
  (exact ? allKept : noLeaks)(seen);
}

// A whole PostgREST answer, as postgrest-js 2.119 shapes it.
const answer = (status, statusText, data, error = null) => ({ success: error === null, error, data, count: null, status, statusText });

if (origin) {
  test(`thenable-library: postgrest-js select and insert awaited in run ${kept}`, async () => {
    const seen = await flows(COUNT, async (id, check) => {
      const db = client(id);
      const owner = `${RUN}-rows-${id}`;
      const query = db.from('todos').select('*').eq('owner', owner);
      // What this case is about: the builder is a thenable, not a promise.
      ok(typeof query.then === 'function' && !(query instanceof Promise), 'the builder is a thenable and not a Promise');
      deepEqual(await query, answer(200, 'OK', []));
      check('after select');

      const rows = [{ owner, title: `a${id}` }, { owner, title: `b${id}` }];
      const inserted = await db.from('todos').insert(rows).select();
      check('after insert with return=representation');
      equal(inserted.status, 201);
      deepEqual(inserted.data.map(({ owner, title }) => ({ owner, title })), rows);
      ok(inserted.data.every((row) => Number.isInteger(row.id)), 'the server gave ids');

      deepEqual(await db.from('todos').select('id,title').eq('owner', owner), answer(200, 'OK', inserted.data.map(({ id, title }) => ({ id, title }))));
      check('after select of the inserted rows');

      const single = await db.from('todos').insert({ owner, title: 'one' }).select('title').single();
      check('after insert ... single()');
      deepEqual(single, answer(201, 'Created', { title: 'one' }));

      deepEqual(await db.from('todos').insert({ owner, title: 'quiet' }), answer(201, 'Created', null));
      check('after insert with return=minimal');
    });
    expectKept(seen, COUNT * 5);
  });

  test(`thenable-library: postgrest-js error results and throwOnError ${kept}`, async () => {
    const seen = await flows(COUNT, async (id, check) => {
      const db = client(id);
      // postgrest-js answers { error } rather than rejecting, by default.
      const missing = await db.from('missing').select();
      check('after a 404 error result');
      deepEqual(missing, answer(404, 'Not Found', null, { code: 'PGRST205', details: null, hint: null, message: "Could not find the table 'public.missing' in the schema cache" }));

      const badFilter = await db.from('todos').select().gt('id', id);
      check('after a 400 error result');
      equal(badFilter.status, 400);
      equal(badFilter.error?.code, 'PGRST100');

      const notOne = await db.from('todos').select().eq('owner', `${RUN}-nobody`).single();
      check('after a 406 from single()');
      equal(notOne.error?.code, 'PGRST116');

      // throwOnError(): the thenable rejects, and the await throws.
      let thrown = null;
      try {
        await db.from('missing').select().throwOnError();
      } catch (e) {
        check('in catch of throwOnError');
        thrown = e;
      }
      ok(thrown instanceof PostgrestError, `expected a PostgrestError, got ${thrown}`);
      equal(thrown.code, 'PGRST205');
      check('after the catch');
    });
    expectKept(seen, COUNT * 5);
  });

  test(`thenable-library: builders returned by nested functions ${kept}`, async () => {
    // Answers the builder itself (no await in between).
    const titlesOf = (db, owner) => db.from('todos').select('title').eq('owner', owner);
    // An async function resolved with a builder: its caller awaits a promise,
    // which the patch carrier follows even without the plugin.
    async function passOn(builder) {
      return builder;
    }
    async function titles(db, owner, check) {
      const { data } = await titlesOf(db, owner);
      check('in a nested async function, after awaiting the builder');
      return data.map((row) => row.title);
    }
    const seen = await flows(COUNT, async (id, check) => {
      const db = client(id);
      const owner = `${RUN}-nested-${id}`;
      deepEqual(await passOn(db.from('todos').insert({ owner, title: `t${id}` })), answer(201, 'Created', null));
      check('after an async function that returned an insert');
      deepEqual(await passOn(titlesOf(db, owner)), answer(200, 'OK', [{ title: `t${id}` }]));
      check('after an async function that returned a select');
      deepEqual(await titles(db, owner, check), [`t${id}`]);
      check('after the nested async function');
      const [direct, nested] = await Promise.all([titlesOf(db, owner), titles(db, owner, check)]);
      check('after Promise.all of a builder and a nested function');
      deepEqual([direct.data, nested], [[{ title: `t${id}` }], [`t${id}`]]);
      deepEqual(await titlesOf(db, owner), answer(200, 'OK', [{ title: `t${id}` }]));
      check('after awaiting the returned builder');
    });
    expectKept(seen, COUNT * 7);
  });
}
