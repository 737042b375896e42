// BroadcastChannel messages: a message may come from any realm holding a
// channel of that name, in no order a realm can follow, so the patch carrier
// carries no store with them (docs/browser-carrier.md, limits): they run in the root frame,
// as the host's own storage runs them where the channel was made (the root
// here). An enterWith in one listener never reaches the next message.
import { test, deepEqual } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';

if (typeof globalThis.BroadcastChannel === 'function') {
  test('broadcast: messages run with no store, whoever posted them, and leave nothing behind', async () => {
    const als = new AsyncLocalStorage();
    const name = `fresh-${Math.random()}`;
    const sender = new BroadcastChannel(name);
    const receiver = new BroadcastChannel(name);
    const seen = await new Promise((resolve) => {
      const stores = [];
      receiver.onmessage = (event) => {
        stores.push([event.data, als.getStore()]);
        als.enterWith(`listener of ${event.data}`);
        if (stores.length === 3) resolve(stores);
      };
      for (const flow of ['A', 'B', 'C']) als.run(flow, () => sender.postMessage(flow));
    });
    sender.close();
    receiver.close();
    deepEqual(seen, [['A', undefined], ['B', undefined], ['C', undefined]]);
  });
}
