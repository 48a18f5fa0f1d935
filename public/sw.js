// Mutakhir service worker: caches the app shell, serves an offline page, and
// never stores personal data. Bump VERSION when the precached files change.
const VERSION = "v1";
const SHELL_CACHE = "mutakhir-shell-" + VERSION;
const ASSET_CACHE = "mutakhir-assets-" + VERSION;
const OFFLINE_URL = "/offline.html";
// No HTML page but the offline page: pages may carry personal data.
const PRECACHE = [
  OFFLINE_URL,
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key !== SHELL_CACHE && key !== ASSET_CACHE)
            .map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

// Server functions, live event streams and anything with a user's data must
// always come from the network.
function neverCache(url, request) {
  return (
    url.pathname.startsWith("/api/") ||
    url.pathname.startsWith("/events") ||
    url.pathname === "/healthz" ||
    url.pathname === "/readyz" ||
    (request.headers.get("accept") || "").includes("text/event-stream")
  );
}

function cacheable(response) {
  return (
    response &&
    response.ok &&
    response.type === "basic" &&
    !(response.headers.get("content-type") || "").includes("text/event-stream")
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || neverCache(url, request)) return;

  if (request.mode === "navigate") {
    // Pages are personal and never cached: network, or the offline page.
    event.respondWith(
      fetch(request).catch(async () => {
        const shell = await caches.open(SHELL_CACHE);
        return shell.match(OFFLINE_URL);
      })
    );
    return;
  }

  if (url.pathname.startsWith("/pkg/")) {
    // Hashed file names: a cached copy is always the right one.
    event.respondWith(
      caches.open(ASSET_CACHE).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (cacheable(response)) cache.put(request, response.clone());
        return response;
      })
    );
    return;
  }

  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(
      caches.open(SHELL_CACHE).then(async (cache) => {
        const hit = await cache.match(request);
        const network = fetch(request)
          .then((response) => {
            if (cacheable(response)) cache.put(request, response.clone());
            return response;
          })
          .catch(() => hit);
        return hit || network;
      })
    );
  }
});
