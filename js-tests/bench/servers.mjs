// Requests per second through a server, with and without als-wasm: what the
// guards of host-started handlers cost (carrier/host-guards.js: node:http on
// Node 20 and with the patch carrier forced, Deno.serve on Deno). Each
// handler enters its request's store and reads it after an await, as a
// request-context middleware does; `kept` counts the handlers that started
// with no store and saw their own after the await. The client runs in the
// same process, on 127.0.0.1, with keep-alive and 8 requests in flight.
import { sample } from './measure.mjs';
import { NotHere } from './impls.mjs';

const REQUESTS = 2000;
const IN_FLIGHT = 8;
const SERVER_IMPLS = (kind) => (kind === 'server' ? ['none', 'als-wasm', 'als-wasm-native', 'host'] : []);

// The handler's body, whatever serves it: answers whether it kept its store.
async function handle(s, id) {
  const first = s.getStore();
  s.enterWith({ id });
  await Promise.resolve();
  return first === undefined && s.getStore()?.id === id;
}

// Sends `REQUESTS` requests, IN_FLIGHT at a time; answers how many kept.
async function drive(send) {
  let next = 0;
  let kept = 0;
  const lane = async () => {
    while (next < REQUESTS) if ((await send(next++)) === 'kept') kept++;
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return kept;
}

export const SERVER_WORKLOADS = {
  nodeHttp: {
    label: 'a `node:http` request (keep-alive, 8 in flight)',
    impls: SERVER_IMPLS,
    async run({ Storage }) {
      const http = globalThis.process?.getBuiltinModule?.('node:http');
      if (!http) throw new NotHere('no node:http');
      const s = new Storage();
      const server = http.createServer(async (req, res) => {
        res.end((await handle(s, req.url)) ? 'kept' : 'lost');
      });
      await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
      const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
      const { port } = server.address();
      const send = (i) => new Promise((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, path: `/${i}`, agent }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve(body));
        }).on('error', reject);
      });
      try {
        return await sample(() => drive(send), { ops: REQUESTS, runs: 5, warm: 1 });
      } finally {
        agent.destroy();
        server.close();
      }
    },
  },
  denoServe: {
    label: 'a `Deno.serve` request (8 in flight)',
    impls: SERVER_IMPLS,
    async run({ Storage }) {
      if (typeof globalThis.Deno?.serve !== 'function') throw new NotHere('Deno only');
      const s = new Storage();
      const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, async (req) =>
        new Response((await handle(s, new URL(req.url).pathname)) ? 'kept' : 'lost'));
      const base = `http://127.0.0.1:${server.addr.port}`;
      const send = async (i) => (await fetch(`${base}/${i}`)).text();
      try {
        return await sample(() => drive(send), { ops: REQUESTS, runs: 5, warm: 1 });
      } finally {
        await server.shutdown();
      }
    },
  },
};
