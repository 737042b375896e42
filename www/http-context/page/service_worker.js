// Registers sw.js as a module Service Worker and resolves once it controls
// this page (skipWaiting + clients.claim make that the first load too).
export async function startServiceWorker(onStatus) {
  if (!('serviceWorker' in navigator)) throw new Error('this browser has no Service Workers');
  await navigator.serviceWorker.register('./sw.js', { type: 'module', scope: './' });
  if (!navigator.serviceWorker.controller) {
    onStatus('Installing the Service Worker (seeding IndexedDB and the Cache)…');
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
}
