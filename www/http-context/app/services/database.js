// IndexedDB, the app's database: seeded at install, read during requests.
import { users, posts, likes } from '../../database/seed.js';
import { seenHere } from '../probe.js';

const NAME = 'http-context-demo';
// Bump when database/seed.js changes: the upgrade rewrites every store.
const VERSION = 1;

let opened = null;

export function openDatabase() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => seed(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

function seed(db) {
  for (const name of Array.from(db.objectStoreNames)) db.deleteObjectStore(name);
  const userStore = db.createObjectStore('users', { keyPath: 'id' });
  for (const user of users) userStore.put(user);
  const postStore = db.createObjectStore('posts', { keyPath: 'id' });
  for (const post of posts) postStore.put(post);
  const likeStore = db.createObjectStore('likes', { autoIncrement: true });
  likeStore.createIndex('postId', 'postId');
  for (const like of likes) likeStore.put(like);
}

/**
 * Runs one IndexedDB request made by `makeRequest(db)` and answers its result
 * with what the onsuccess callback and the code after the await saw.
 */
export async function query(makeRequest) {
  const db = await openDatabase();
  let callback = null;
  const value = await new Promise((resolve, reject) => {
    const request = makeRequest(db);
    // The host fires onsuccess from its own task: als-wasm runs it in the
    // context of the call that made the request.
    request.onsuccess = () => {
      callback = seenHere();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
  return { value, seen: { callback, afterAwait: seenHere() } };
}
