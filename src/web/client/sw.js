/* The service worker (bundled with Workbox by tools/build-web.mjs, served at /app/sw.js).
 * - The shell (styles, scripts, the offline page) is precached: it holds nothing personal.
 * - The pages a worker needs in the field (their day, caseload, outbox, and each young person's
 *   contact form, timeline and missing page) are kept as they were last fetched (network first),
 *   so they open with no connection. They hold personal data: they are deleted on sign-out (the
 *   server also sends Clear-Site-Data) and when a page says the session has ended.
 * - The outbox is sent from here on Background Sync, where the browser has it. */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { flush } from './outbox-store.js';

/* global __NWD_PRECACHE__ */
precacheAndRoute(__NWD_PRECACHE__);
cleanupOutdatedCaches();

const PAGES_CACHE = 'nwd-pages';
const OFFLINE_PAGES = [
  /^\/app\/(my-day|caseload|outbox)$/,
  /^\/app\/young-people\/[0-9a-f-]{36}\/(contacts\/new|timeline|missing)$/,
  /^\/app\/young-people\/[0-9a-f-]{36}\/contacts\/[0-9a-f-]{36}\/correct$/,
];

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  networkTimeoutSeconds: 5,
  plugins: [
    new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 7 * 86_400 }),
    {
      // Only a page as the signed-in worker saw it: never a redirect to the sign-in page.
      cacheWillUpdate: async ({ response }) =>
        response && response.status === 200 && !response.redirected ? response : null,
    },
  ],
});

registerRoute(
  ({ request, url }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    OFFLINE_PAGES.some((re) => re.test(url.pathname)),
  pages,
);

// Any other page goes to the network as ever; with no connection, the offline page says so.
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' &&
    url.origin === self.location.origin &&
    url.pathname.startsWith('/app/'),
  new NetworkOnly(),
);

// A page that was never kept, opened offline: the offline page says so.
setCatchHandler(async ({ request }) => {
  if (request.destination === 'document' || request.mode === 'navigate')
    return (await matchPrecache('/app-assets/offline.html')) || Response.error();
  return Response.error();
});

async function tellPages(message) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'keep' && Array.isArray(data.urls)) {
    // The caseload's pages, fetched now so they open offline later (each a logged look).
    event.waitUntil(
      Promise.all(
        data.urls
          .filter((u) =>
            OFFLINE_PAGES.some((re) => re.test(new URL(u, self.location.origin).pathname)),
          )
          .map((u) =>
            pages
              .handle({
                event,
                request: new Request(u, {
                  credentials: 'same-origin',
                  headers: { 'X-Access-Reason': 'kept on the phone for offline use' },
                }),
              })
              .catch(() => undefined),
          ),
      ),
    );
  } else if (data.type === 'forget') {
    // The session ended: nothing personal stays in the caches.
    event.waitUntil(caches.delete(PAGES_CACHE));
  }
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'nwd-outbox')
    event.waitUntil(flush().then((changed) => tellPages({ type: 'outbox-changed', changed })));
});

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
