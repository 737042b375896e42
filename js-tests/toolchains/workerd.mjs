// Cloudflare workerd from npm: a Worker bundled by esbuild with the `workerd`
// condition (as wrangler does), the wasm imported as a module (workerd
// forbids compiling wasm from bytes), served by workerd itself.
import { copyFile, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { test, equal, deepEqual } from '../support/harness.mjs';
import { exec, fixtures, project } from './project.mjs';

const config = (port) => `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "als_wasm_bg.wasm", wasm = embed "als_wasm_bg.wasm"),
  ],
  compatibilityDate = "2025-01-01",
  compatibilityFlags = ["nodejs_compat"],
);
`;

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function serveOnce(dir, port) {
  const child = spawn(join(dir, 'node_modules/.bin/workerd'), ['serve', 'config.capnp'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  try {
    for (let i = 0; i < 100; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.ok) return await response.json();
        throw new Error(`HTTP ${response.status}: ${await response.text()}\n${log}`);
      } catch (e) {
        if (!String(e?.cause?.code ?? '').includes('ECONNREFUSED')) throw e;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`workerd did not answer\n${log}`);
  } finally {
    child.kill();
  }
}

test('workerd: the native carrier keeps each flow, await 5 and thenables included, in AsyncLocalStorage and in als-wasm/opentelemetry', async () => {
  const port = await freePort();
  const dir = await project('workerd', {
    files: { 'worker-src.js': await readFile(join(fixtures, 'workerd/worker.js'), 'utf8'), 'config.capnp': config(port) },
    dependencies: ['workerd@1', 'esbuild@0.28', '@opentelemetry/api@1.10.0'],
  });
  await exec(join(dir, 'node_modules/.bin/esbuild'), [
    'worker-src.js', '--bundle', '--format=esm', '--platform=neutral', '--conditions=workerd,worker,browser',
    '--external:node:*', '--external:*.wasm', '--outfile=worker.js', '--log-level=warning',
  ], { cwd: dir });
  const bundle = await readFile(join(dir, 'worker.js'), 'utf8');
  equal(bundle.includes('installPatchCarrier'), false, 'the workerd bundle has no patch carrier');
  await copyFile(join(dir, 'node_modules/als-wasm/als_wasm_bg.wasm'), join(dir, 'als_wasm_bg.wasm'));
  const answer = await serveOnce(dir, port);
  equal(answer.carrier, 'native');
  equal(answer.sameClass, true, 'als-wasm/async_hooks is the same class');
  equal(answer.after, null, 'nothing after the flows');
  equal(answer.otelAfter, null, 'no OpenTelemetry context after the flows');
  deepEqual(answer.root, { enterWith: 'ERR_METHOD_NOT_IMPLEMENTED', attached: null }, 'outside every run()');
  answer.flows.forEach((seen, i) => {
    const id = i + 1;
    deepEqual(seen, [id, id, id, id, id, id * 10, id], `flow ${id}`);
  });
  // The inner storage.run changes the store, not the OTel context.
  answer.otel.forEach((seen, i) => {
    const id = i + 1;
    deepEqual(seen, [id, id, id, id, id, id, id], `OpenTelemetry flow ${id}`);
  });
});
