// The demo's data, written into IndexedDB when the Service Worker installs.
export const users = [
  { id: 'ana', name: 'Ana' },
  { id: 'ben', name: 'Ben' },
  { id: 'chloe', name: 'Chloé' },
  { id: 'dev', name: 'Dev' },
];

export const posts = [
  { id: 1, title: 'AsyncLocalStorage in 5 minutes', authorId: 'a1' },
  { id: 2, title: 'Why Service Workers are tiny servers', authorId: 'a2' },
  { id: 3, title: 'Native await, hooked', authorId: 'a1' },
  { id: 4, title: 'IndexedDB without tears', authorId: 'a3' },
  { id: 5, title: 'The Cache API as a fixture store', authorId: 'a2' },
  { id: 6, title: 'Request ids all the way down', authorId: 'a3' },
];

export const likes = [
  { postId: 1, userId: 'ana' },
  { postId: 1, userId: 'ben' },
  { postId: 2, userId: 'chloe' },
  { postId: 3, userId: 'ana' },
  { postId: 3, userId: 'dev' },
  { postId: 4, userId: 'ben' },
  { postId: 5, userId: 'chloe' },
  { postId: 5, userId: 'dev' },
  { postId: 6, userId: 'ana' },
];
