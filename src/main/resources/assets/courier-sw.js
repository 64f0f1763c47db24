// The courier's phone without network: served as /courier/sw.js (web/courier/CourierPages) so that
// its scope covers /courier. The page shell is kept on install; today's list (the page /courier)
// comes from the network when there is one and from the copy kept here when there is none; the
// static files are served from here and refreshed behind. Updates are never cached or replayed here:
// the page queues them in IndexedDB (assets/courier.js).
'use strict';
const CACHE = 'dossierpost-courier-v1';
const PAGE = '/courier';
const SLOW_MS = 4000;
const SHELL = [
  PAGE,
  '/assets/courier.js',
  '/assets/courier-pickup.js',
  '/assets/courier.css',
  '/assets/site.css',
  '/assets/courier-manifest.json',
  '/assets/courier-icon.svg',
  '/assets/courier-icon-192.png',
  '/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css',
  '/webjars/htmx.org/2.0.10/dist/htmx.min.js'
];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.startsWith('dossierpost-courier-') && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === PAGE && url.search === '?token') {
    return; // the page asks the server itself for this session's token: never a kept copy
  }
  if (url.pathname === PAGE) {
    event.respondWith(networkFirst(request));
  } else if (SHELL.indexOf(url.pathname) >= 0) {
    event.respondWith(cachedThenRefreshed(event, request));
  }
});

/**
 * The list as the server has it now, kept for later; the kept one when the server cannot be reached,
 * or has not answered within a few seconds (a weak signal that neither fails nor answers).
 */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const fresh = fetch(request).then(async function (response) {
    // a redirect (to sign in) or an error page is not today's list
    if (response.ok && response.type === 'basic' && !response.redirected) {
      await cache.put(PAGE, response.clone());
    }
    return response;
  });
  const slow = new Promise(function (resolve) { setTimeout(resolve, SLOW_MS); });
  try {
    const first = await Promise.race([fresh, slow]);
    if (first) {
      return first;
    }
    const kept = await cache.match(PAGE);
    return kept || await fresh;
  } catch (networkGone) {
    const kept = await cache.match(PAGE);
    if (kept) {
      return kept;
    }
    throw networkGone;
  }
}

async function cachedThenRefreshed(event, request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  const fresh = fetch(request).then(function (response) {
    if (response.ok) {
      return cache.put(request, response.clone()).then(function () { return response; });
    }
    return response;
  });
  if (kept) {
    event.waitUntil(fresh.catch(function () {}));
    return kept;
  }
  return fresh;
}
