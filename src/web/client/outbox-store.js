/* The phone's outbox: what a worker recorded that is not yet on the server, in IndexedDB (through
 * `idb`). Shared by the pages' script and the service worker, which both send from it.
 *
 * Each item is one request with its own key (its Idempotency-Key too), so two contacts queued
 * from one form are two items, and a retried send is recorded once. An item is
 *   waiting   to be sent (offline, or the server was unreachable);
 *   sending   now (a send cut off by a crash goes back to waiting);
 *   sent      the server recorded it (kept a week to show, or until cleared);
 *   attention the server refused it: `message` says why; the worker fixes it or discards it.
 * Items carry who queued them: a phone signed in as someone else never sends them. */
import { deleteDB, openDB } from 'idb';

const DB = 'nwd-offline';
const STORE = 'outbox';
const WEEK = 7 * 86_400_000;

// One connection at a time, closed after each use: sign-out deletes the database, and an open
// connection (here or in the service worker) would hold that up.
async function withDb(fn) {
  const d = await openDB(DB, 1, {
    upgrade(u) {
      u.createObjectStore(STORE, { keyPath: 'key' });
    },
    blocking() {
      d.close();
    },
  });
  try {
    return await fn(d);
  } finally {
    d.close();
  }
}

export async function list() {
  const items = await withDb((d) => d.getAll(STORE));
  return items
    .map((item) => ({ ...item, state: item.state || 'waiting' }))
    .sort((a, b) => String(a.queuedAt).localeCompare(String(b.queuedAt)));
}

export function get(key) {
  return withDb((d) => d.get(STORE, key));
}

export function put(item) {
  return withDb((d) => d.put(STORE, item));
}

export function update(key, changes) {
  return withDb(async (d) => {
    const tx = d.transaction(STORE, 'readwrite');
    const item = await tx.store.get(key);
    if (item) await tx.store.put({ ...item, ...changes });
    await tx.done;
  });
}

export function remove(key) {
  return withDb((d) => d.delete(STORE, key));
}

/** Everything on this phone goes (sign-out): the outbox is deleted, not just emptied. */
export async function clearAll() {
  await deleteDB(DB);
}

/** Items not yet recorded by the server: waiting, being sent, or needing attention. */
export const unsent = (items) => items.filter((i) => i.state !== 'sent');

/** One send: the form's fields as the browser would post them, asking for a JSON answer. */
async function send(item, csrf) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(item.fields))
    for (const one of [].concat(v)) body.append(k, one);
  body.set('idempotencyKey', item.key);
  body.set('_csrf', csrf || item.csrf || '');
  return fetch(item.url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

/**
 * Sends every waiting item of `user` (all users' when null: the service worker does not know who
 * is signed in; the server refuses another session's token), one at a time, under a lock so a
 * page and the service worker never send the same item at once. Returns what changed.
 */
export async function flush({ user = null, csrf = null } = {}) {
  const run = async () => {
    let changed = 0;
    for (const item of await list()) {
      if (item.state === 'sent' && Date.now() - Date.parse(item.sentAt) > WEEK) {
        await remove(item.key);
        continue;
      }
      if (item.state !== 'waiting' && item.state !== 'sending') continue;
      if (user && item.user && item.user !== user) continue;
      await update(item.key, { state: 'sending' });
      let res;
      try {
        res = await send(item, csrf);
      } catch {
        await update(item.key, { state: 'waiting' });
        break; // no connection: the rest wait too
      }
      changed++;
      if (res.ok) {
        await update(item.key, { state: 'sent', sentAt: new Date().toISOString(), message: null });
      } else if (res.status === 401 || res.status === 403) {
        await update(item.key, {
          state: 'waiting',
          message: 'Sign in again on this phone to send it.',
        });
        break;
      } else if (res.status >= 400 && res.status < 500) {
        let detail = 'The server refused it.';
        let errors = [];
        try {
          const answer = await res.json();
          detail = answer.detail || detail;
          errors = answer.errors || [];
        } catch {
          /* not JSON: the generic words stay */
        }
        await update(item.key, { state: 'attention', message: detail, errors });
      } else {
        await update(item.key, {
          state: 'waiting',
          message: 'The server was busy: it will be tried again.',
        });
      }
    }
    return changed;
  };
  const locks = typeof navigator !== 'undefined' && navigator.locks;
  return locks ? locks.request('nwd-outbox', run) : run();
}
