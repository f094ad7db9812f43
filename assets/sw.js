/* Kirov essay — offline service worker. After the first visit the versioned bundle is cached,
   so a classroom without a network can still open, read and present the essay.
   The build (src/bin/prerender.rs) writes over the quoted upper-case names: VERSION, the two
   file lists and the values src/protocol.rs shares. INSTALL is cached at once; ON_USE (the chart
   library) is cached the first time the page loads it, so a reader who never reaches a chart
   never downloads it (offline, such a reader still has every figure's table). A new build means
   a new cache, and older kirov-essay caches are deleted when it activates. Pages are fetched
   network-first, so a new version is seen as soon as there is a network; every other file is
   versioned by its name and served from the cache. */
'use strict';
const VERSION = '__KIROV_VERSION__';
const INSTALL = '__KIROV_INSTALL__';
const ON_USE = '__KIROV_ON_USE__';
const PREFIX = '__KIROV_CACHE_PREFIX__';
const CACHE = PREFIX + VERSION;
const PAGE = new URL('__KIROV_INDEX_PAGE__', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(INSTALL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((c) => c.match(PAGE)).then((hit) => hit || Response.error())),
    );
    return;
  }
  const onUse = ON_USE.some((f) => new URL(f, self.registration.scope).href === request.url.split('?')[0]);
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    const response = await fetch(request);
    if (onUse && response.ok) await cache.put(request, response.clone());
    return response;
  }));
});
