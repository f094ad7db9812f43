/* Kirov essay — offline service worker. After the first visit the whole versioned bundle is
   cached, so a classroom without a network can still open, read and present the essay.
   The build (src/bin/prerender.rs) fills in VERSION and FILES; a new build means a new cache,
   and older kirov-essay caches are deleted when it activates. Pages are fetched network-first,
   so a new version is seen as soon as there is a network; every other file is versioned by
   its name and served from the cache. */
'use strict';
const VERSION = '__KIROV_ESSAY_VERSION__';
const FILES = "__KIROV_ESSAY_FILES__";
const PREFIX = 'kirov-essay-';
const CACHE = PREFIX + VERSION;
const PAGE = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
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
  event.respondWith(
    caches.open(CACHE)
      .then((c) => c.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
