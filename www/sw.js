// Service worker: precaches every file of the build so the page loads and works
// with no network. scripts/assemble.mjs fills in the cache version (a hash of
// the built files) and the file list. A new build is a new cache: it installs
// next to the old one and waits until the page accepts the update (the page
// posts 'skip-waiting'), so an open page never mixes files of two builds.
const CACHE = 'jingwen-__CACHE_VERSION__';
const PRECACHE = ["__PRECACHE_URLS__"];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Bypass the HTTP cache: what is stored must be exactly this build.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('jingwen-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The page asks the waiting worker to take over when the user accepts an update.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  else if (event.data === 'version') event.source?.postMessage({ version: CACHE });
});

// Cache first: every asset is versioned by the cache name, so what is cached is
// exactly this build. Navigations fall back to the cached page when offline.
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      if (req.mode === 'navigate') {
        const page = await cache.match('./');
        if (page) return page;
      }
      return fetch(req);
    })(),
  );
});
