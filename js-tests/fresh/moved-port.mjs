// A transferred MessagePort (structuredClone, or a postMessage transfer
// list): its original is neutered, and a post on it sends nothing. No
// delivery may then run in the store of a message that was never sent.
// With the patch carrier each message runs in its postMessage's store
// (docs/browser-carrier.md); the host's own storage (Node's rule,
// and the native carrier riding it) runs it where the channel was made: the
// root here. Either way, never another flow's.
import { test, equal, deepEqual } from '../support/harness.mjs';
import { AsyncLocalStorage, carrier } from '../support/subject.mjs';
import { sleep } from './support.mjs';

const g = globalThis;
// What a message posted in `flow` sees when delivered.
const expected = (flow) => (carrier === 'patch' ? flow : undefined);

// Collects [message, store] for each delivery on `port` until `count` came.
function collect(als, port, count) {
  const seen = [];
  return new Promise((resolve) => {
    port.onmessage = (event) => {
      seen.push([event.data, als.getStore()]);
      if (seen.length === count) resolve(seen);
    };
  });
}

// A port moved through another channel's postMessage, as event.ports[0].
function relay(port) {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.onmessage = (event) => {
      port1.close();
      port2.close();
      resolve(event.ports[0]);
    };
    port1.postMessage(null, [port]);
  });
}

const moves = {
  structuredClone: async (port) => structuredClone(port, { transfer: [port] }),
  'a postMessage transfer list': relay,
};

if (typeof g.MessageChannel === 'function') {
  for (const [how, move] of Object.entries(moves)) {
    if (how === 'structuredClone' && typeof g.structuredClone !== 'function') continue;

    test(`moved-port: a post on the port left behind by ${how} lends its store to no message`, async () => {
      const als = new AsyncLocalStorage();
      const { port1, port2 } = new MessageChannel();
      const moved = await move(port1);
      // Bun's structuredClone answers the same port: there A's post is real.
      const neutered = moved !== port1;
      const heard = collect(als, port2, neutered ? 1 : 2);
      als.run('A', () => port1.postMessage('A'));
      await sleep(5);
      als.run('B', () => moved.postMessage('B'));
      const seen = await heard;
      deepEqual(seen.map(([message]) => message), neutered ? ['B'] : ['A', 'B']);
      for (const [message, store] of seen) equal(store, expected(message), `message ${message}`);
      port2.close();
      moved.close();
    });

    test(`moved-port: messages in flight to a port moved by ${how} keep their stores`, async () => {
      const als = new AsyncLocalStorage();
      const { port1, port2 } = new MessageChannel();
      als.run('C', () => port2.postMessage('before the move'));
      const moved = await move(port1);
      als.run('D', () => port2.postMessage('after the move'));
      const seen = await collect(als, moved, 2);
      deepEqual(seen, [['before the move', expected('C')], ['after the move', expected('D')]]);
      port2.close();
      moved.close();
    });

    test(`moved-port: many flows posting on both sides of a port moved by ${how} never cross`, async () => {
      const als = new AsyncLocalStorage();
      const { port1, port2 } = new MessageChannel();
      const moved = await move(port1);
      const neutered = moved !== port1;
      const toPartner = collect(als, port2, 6);
      const toMoved = collect(als, moved, 6);
      for (let i = 0; i < 6; i++) {
        if (neutered) als.run(`stale ${i}`, () => port1.postMessage(`stale ${i}`));
        als.run(`out ${i}`, () => moved.postMessage(`out ${i}`));
        als.run(`in ${i}`, () => port2.postMessage(`in ${i}`));
        await sleep(i % 2);
      }
      const [a, b] = await Promise.all([toPartner, toMoved]);
      for (const [message, store] of [...a, ...b]) equal(store, expected(message), `message ${message}`);
      port2.close();
      moved.close();
    });
  }
}
