// The Service Worker of the Hono pages: a Hono app served with Hono's own
// Service Worker adapter (app.fetch for every fetch event), contextStorage()
// first, and one route that takes random steps (steps.mjs) and answers what
// getContext() held after each. Hono imports node:async_hooks; build.mjs
// points it at als-wasm/async_hooks, or at the one-variable stand-in
// (one-variable-shim.mjs) for the control.
import { Hono } from 'hono';
import { contextStorage, tryGetContext } from 'hono/context-storage';
import { handle } from 'hono/service-worker';
import { planFor, runPlan } from './steps.mjs';

const ROUNDS = 8;

// Requests under <scope>/api/; everything else Hono answers 404 and the
// adapter passes on to the network.
const app = new Hono().basePath(new URL('api', registration.scope).pathname);
app.use(contextStorage());
app.use(async (c, next) => {
  c.set('requestId', Number(c.req.query('id')));
  await next();
});

// What a helper deep in the app reads: the current request's id.
const currentRequestId = () => tryGetContext()?.var.requestId;

app.get('/request', async (c) => {
  const id = c.get('requestId');
  const seen = await runPlan(planFor(Number(c.req.query('seed')), id, ROUNDS), currentRequestId);
  return c.json({ id, seen });
});

addEventListener('install', () => skipWaiting());
addEventListener('activate', (event) => event.waitUntil(clients.claim()));
addEventListener('fetch', handle(app));
