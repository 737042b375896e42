// The Cache API as a fixture store: a JSON file cached at install, read
// during requests.
import { seenHere } from '../probe.js';

const CACHE = 'http-context-demo-v1';
const AUTHORS = new URL('../../fixtures/authors.json', import.meta.url).href;

export async function cacheFixtures() {
  const cache = await caches.open(CACHE);
  await cache.add(AUTHORS);
}

/** The cached authors, with what the code after the Cache reads saw. */
export async function cachedAuthors() {
  const cache = await caches.open(CACHE);
  const response = await cache.match(AUTHORS);
  if (!response) throw new Error(`${AUTHORS} is not in the cache`);
  const authors = await response.json();
  return { value: authors, seen: seenHere() };
}
