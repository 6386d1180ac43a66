// Canvass service worker (template: scripts/precache.mjs writes dist/sw.js
// from it after the release build, filling in the build version and every
// file under dist/). It precaches the whole app, serves it cache-first so
// the app opens with no network, and deletes older caches when it takes
// over. A new worker waits: the app asks it to take over (message
// "skipWaiting") only when no survey is being filled or the person taps
// "update" (src/components/update_bar.rs). See docs/STORAGE.md.
const VERSION = '__CANVASS_VERSION__';
const ASSETS = __CANVASS_ASSETS__;
const CACHE = `canvass-${VERSION}`;

self.addEventListener('install', (event) => {
  // All or nothing: a worker whose cache is incomplete never installs.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('canvass-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    // A directory address opens its own page (the staff bundle at
    // staff/ and the office at office/ have their own index.html); any
    // other page address opens the app shell (the app routes by URL hash).
    if (request.mode === 'navigate') {
      const page = new URL('index.html', request.url).href;
      const own = await cache.match(page);
      if (own) return own;
      // A page of its own that is not precached (office/): the network
      // first, kept for the next visit; the app shell only when offline.
      if (page !== new URL('./index.html', self.registration.scope).href) {
        try {
          const response = await fetch(request);
          if (response.ok) {
            await cache.put(page, response.clone());
            return response;
          }
        } catch {
          // Offline and never visited: fall through to the app shell.
        }
      }
      const shell = await cache.match('./index.html');
      if (shell) return shell;
    }
    // Not precached (the office bundle): fetched once, then kept, so the
    // office also opens offline after its first visit.
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  })());
});
