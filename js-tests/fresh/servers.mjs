// Request handlers on servers (node:http where the host has it, Deno.serve
// in Deno), on 127.0.0.1: pipelined, keep-alive and concurrent requests,
// each handler calling enterWith. Node 24 starts every handler in the
// store of listen() (the root here), whatever the handler before it
// entered; Node 20's and Deno's own storage let one request's enterWith
// reach the next handler. Each server serves a bounded count of requests
// and closes.
import { test, deepEqual, equal } from '../support/harness.mjs';
import { AsyncLocalStorage } from '../support/subject.mjs';
import { sleep } from './support.mjs';

const g = globalThis;
const builtin = (name) => {
  try {
    return g.process?.getBuiltinModule?.(name) ?? null;
  } catch {
    return null;
  }
};
const http = builtin('node:http');
const net = builtin('node:net');

// A handler that notes the store it starts in, enters the request's own,
// and reads it again after an await: answers [firsts, afterAwaits] by path.
function recorder(als) {
  const firsts = {};
  const laters = {};
  const handle = async (path) => {
    firsts[path] = als.getStore();
    als.enterWith(`request ${path}`);
    await sleep(1);
    laters[path] = als.getStore();
  };
  return { firsts, laters, handle };
}

function expectEach(paths, { firsts, laters }) {
  deepEqual(paths.map((p) => firsts[p]), paths.map(() => undefined), 'each handler starts with no store');
  deepEqual(paths.map((p) => laters[p]), paths.map((p) => `request ${p}`), 'each handler keeps its own after an await');
}

if (http && net) {
  // A node:http server at the root; `drive(port)` sends the requests.
  async function withServer(als, drive) {
    const rec = recorder(als);
    const server = http.createServer((req, res) => {
      rec.handle(req.url).then(() => res.end('ok'));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await drive(server.address().port);
    } finally {
      server.closeAllConnections?.();
      server.close();
    }
    return rec;
  }

  const get = (port, path, agent) =>
    new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });

  test('servers: pipelined node:http requests each start with no store', async () => {
    const als = new AsyncLocalStorage();
    const paths = ['/p1', '/p2', '/p3', '/p4'];
    const rec = await withServer(als, (port) =>
      new Promise((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          const last = paths.length - 1;
          socket.write(paths.map((p, i) => `GET ${p} HTTP/1.1\r\nHost: x\r\n${i === last ? 'Connection: close\r\n' : ''}\r\n`).join(''));
        });
        socket.on('data', () => {});
        socket.on('error', reject);
        socket.on('close', resolve);
      }),
    );
    expectEach(paths, rec);
  });

  test('servers: keep-alive node:http requests each start with no store', async () => {
    const als = new AsyncLocalStorage();
    const paths = ['/k1', '/k2', '/k3', '/k4'];
    const rec = await withServer(als, async (port) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (const p of paths) await get(port, p, agent);
      agent.destroy();
    });
    expectEach(paths, rec);
  });

  test('servers: concurrent node:http requests each start with no store', async () => {
    const als = new AsyncLocalStorage();
    const paths = Array.from({ length: 12 }, (_, i) => `/c${i}`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const rec = await withServer(als, (port) => Promise.all(paths.map((p) => get(port, p, agent))));
    agent.destroy();
    expectEach(paths, rec);
  });

  test('servers: a request handler started inside a run keeps the store of listen()', async () => {
    const als = new AsyncLocalStorage();
    const seen = [];
    const server = http.createServer((req, res) => {
      seen.push(als.getStore());
      als.enterWith('inside the handler');
      res.end('ok');
    });
    await als.run('listen', () => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 3; i++) await get(server.address().port, `/l${i}`, agent);
    agent.destroy();
    server.close();
    equal(als.getStore(), undefined, 'after the run');
    deepEqual(seen, ['listen', 'listen', 'listen']);
  });
}

if (typeof g.Deno?.serve === 'function') {
  // A Deno.serve server at the root, serving `count` requests.
  async function withDenoServer(als, drive) {
    const rec = recorder(als);
    const server = g.Deno.serve({ hostname: '127.0.0.1', port: 0, onListen() {} }, async (req) => {
      await rec.handle(new URL(req.url).pathname);
      return new Response('ok');
    });
    try {
      await drive(`http://127.0.0.1:${server.addr.port}`);
    } finally {
      await server.shutdown();
    }
    return rec;
  }
  const fetchText = async (url) => (await fetch(url)).text();

  test('servers: sequential Deno.serve requests each start with no store', async () => {
    const als = new AsyncLocalStorage();
    const paths = ['/s1', '/s2', '/s3', '/s4'];
    const rec = await withDenoServer(als, async (base) => {
      for (const p of paths) await fetchText(base + p);
    });
    expectEach(paths, rec);
  });

  test('servers: concurrent Deno.serve requests each start with no store', async () => {
    const als = new AsyncLocalStorage();
    const paths = Array.from({ length: 12 }, (_, i) => `/c${i}`);
    const rec = await withDenoServer(als, (base) => Promise.all(paths.map((p) => fetchText(base + p))));
    expectEach(paths, rec);
  });

  test('servers: an AbortSignal listener after a Deno.serve handler starts with no store', async () => {
    const als = new AsyncLocalStorage();
    await withDenoServer(als, (base) => fetchText(`${base}/first`));
    const seen = await new Promise((resolve) => AbortSignal.timeout(2).addEventListener('abort', () => resolve(als.getStore())));
    equal(seen, undefined);
  });
}
