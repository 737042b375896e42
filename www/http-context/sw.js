// The Service Worker: a tiny AdonisJS-style app. Requests for /http-context/api/…
// are answered inside storage.run(ctx, …); everything else goes to the network.
import { HttpContext, storage } from './app/http_context.js';
import { handle } from './app/server.js';
import { router } from './start/routes.js';
import { openDatabase } from './app/services/database.js';
import { cacheFixtures } from './app/services/fixtures_cache.js';
// Evaluated now, at startup, outside any request (the guide's pitfall).
import './app/pitfalls/top_level_access.js';
import './start/events.js';

self.addEventListener('install', (event) => {
  // Take over at once, so that the page's first load is controlled.
  self.skipWaiting();
  event.waitUntil(Promise.all([openDatabase(), cacheFixtures()]));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(router.base)) return;
  const ctx = new HttpContext(event.request);
  event.respondWith(storage.run(ctx, () => handle(ctx)));
});
