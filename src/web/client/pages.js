/* nwd-hub pages: everything works without this script; it only adds to them.
 * 1. Forms marked data-keep are kept in this browser as they are filled in, so a sign-in that
 *    expires loses nothing: after signing in again the form comes back filled.
 * 2. Forms marked data-offline-queue (a contact, a missing report) go to the phone's outbox when
 *    there is no connection, each as its own item with its own key, and are sent when it returns
 *    (Background Sync where the browser has it, the `online` event otherwise). The outbox page
 *    shows each item's state; one the server refused waits there with the server's message.
 * 3. The service worker keeps the worker's pages for offline use; sign-out deletes them, the
 *    outbox and kept forms (after a warning when something is unsent). */
import { clearAll, flush, get, list, put, remove, unsent, update } from './outbox-store.js';
import { el, renderOutboxPage, STATE_WORDS, whenOf } from './outbox-view.js';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || '';
const csrf = () => meta('nwd-csrf') || document.querySelector('input[name="_csrf"]')?.value || '';
const user = () => meta('nwd-user');

const params = new URLSearchParams(location.search);
const saved = params.get('saved');
if (saved) localStorage.removeItem(saved);

function formKey(form) {
  return 'nwd-form:' + (form.getAttribute('data-keep') || location.pathname);
}
/** A form's answers; a name given more than once (ticked boxes) holds a list. */
function fields(form) {
  const out = {};
  new FormData(form).forEach((v, k) => {
    if (k === '_csrf') return;
    if (k in out) out[k] = [].concat(out[k], String(v));
    else out[k] = String(v);
  });
  return out;
}
/** The answers as the browser would post them: a list is the name repeated. */
function encode(values) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const one of [].concat(v)) body.append(k, one);
  return body;
}
function fill(form, values) {
  for (const [name, value] of Object.entries(values)) {
    // The page's own: its token, a fresh key, and the version of what it shows now (a
    // correction reopened after a conflict is made on what the contact says now).
    if (name === '_csrf' || name === 'idempotencyKey' || name === 'version') continue;
    const boxes = form.querySelectorAll(`[name="${CSS.escape(name)}"]`);
    boxes.forEach((el) => {
      if (el.type === 'radio' || el.type === 'checkbox')
        el.checked = [].concat(value).includes(el.value);
      else el.value = value;
    });
  }
}

// ---- 1. forms kept through an expired sign-in ----
document.querySelectorAll('form[data-keep]').forEach((form) => {
  const key = formKey(form);
  const stored = localStorage.getItem(key);
  if (stored) {
    fill(form, JSON.parse(stored));
    const note = document.getElementById('restored-note');
    if (note) note.hidden = false;
  }
  form.addEventListener('input', () => localStorage.setItem(key, JSON.stringify(fields(form))));
});

// ---- 2. the outbox ----
async function registration() {
  if (!('serviceWorker' in navigator)) return null;
  try {
    return await navigator.serviceWorker.ready;
  } catch {
    return null;
  }
}

/** After a queue: ask for Background Sync, and try now in case the connection is back. */
async function scheduleSend() {
  const reg = await registration();
  try {
    if (reg && 'sync' in reg) await reg.sync.register('nwd-outbox');
  } catch {
    /* no Background Sync here: the `online` event does it */
  }
}

let sending = null;
function sendNow() {
  if (!navigator.onLine) return Promise.resolve();
  if (!sending) {
    sending = flush({ user: user(), csrf: csrf() })
      .catch(() => 0)
      .then(async () => {
        sending = null;
        await render();
      });
  }
  return sending;
}

async function render() {
  const items = await list().catch(() => []);
  const mine = items.filter((i) => !i.user || !user() || i.user === user());
  const open = unsent(mine);
  // The count in the navigation and on the form page.
  document.querySelectorAll('[data-outbox-count]').forEach((n) => {
    n.textContent = open.length ? ` (${open.length})` : '';
  });
  const box = document.getElementById('outbox');
  if (box) {
    const here = open.filter((i) => i.formPage === location.pathname);
    box.hidden = here.length === 0;
    const ul = box.querySelector('ul');
    ul.replaceChildren(
      ...here.map((i) =>
        el(
          'li',
          { class: 'app-queued' },
          `${STATE_WORDS[i.state]}: ${i.label}${whenOf(i.fields) ? ' at ' + whenOf(i.fields) : ''}`,
        ),
      ),
    );
  }
  const page = document.getElementById('outbox-items');
  if (page) renderOutboxPage(page, mine, render);
}

document.getElementById('outbox-send')?.addEventListener('click', () => sendNow());
document.getElementById('outbox-clear-sent')?.addEventListener('click', async () => {
  for (const i of await list()) if (i.state === 'sent') await remove(i.key);
  await render();
});

function status(text) {
  const s = document.getElementById('send-status');
  if (s) s.textContent = text;
}

document.querySelectorAll('form[data-offline-queue]').forEach((form) => {
  // Opened from the outbox to fix a refused item: its answers and the server's message.
  const fix = /^#fix=([\w-]+)$/.exec(location.hash)?.[1];
  if (fix) {
    get(fix).then((item) => {
      if (!item) return;
      fill(form, item.fields);
      form.dataset.replaces = item.key;
      status(
        `This was not sent: ${item.message || 'the server refused it'}. Correct it and save again.`,
      );
    });
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status('');
    const values = fields(form);
    const key = crypto.randomUUID();
    const name = document.getElementById('case-name')?.textContent?.trim() || 'a young person';
    const what = form.getAttribute('data-offline-queue') || 'contact';
    const chosen = form.querySelector('input[name="kind"]:checked');
    const kind = chosen?.labels?.[0]?.textContent?.trim() || '';
    const item = {
      key,
      url: form.action,
      fields: { ...values, idempotencyKey: key },
      formPage: location.pathname,
      label:
        what === 'correction'
          ? `Correction to a contact with ${name}`
          : what === 'missing report'
            ? `Missing report for ${name}`
            : `${kind ? kind.toLowerCase() + ' ' : ''}${what} with ${name}`.replace(/^./, (c) =>
                c.toUpperCase(),
              ),
      queuedAt: new Date().toISOString(),
      state: 'waiting',
      user: user(),
      csrf: csrf(),
      message: null,
    };
    const replaces = form.dataset.replaces;
    const queue = async () => {
      await put(item);
      if (replaces) await remove(replaces);
      delete form.dataset.replaces;
      localStorage.removeItem(formKey(form));
      form.reset();
      // The list first, then the words that point to it: they appear together.
      await render();
      status(
        'No connection: it is saved on this phone and will be sent when the connection returns. The outbox shows it.',
      );
      await scheduleSend();
    };
    if (!navigator.onLine) return queue();
    let res;
    try {
      const body = encode({ ...item.fields, _csrf: csrf() });
      res = await fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: body.toString(),
      });
    } catch {
      return queue();
    }
    if (res.status === 401) {
      location.href = '/app/sign-in?returnTo=' + encodeURIComponent(location.pathname);
      return;
    }
    if (res.ok) {
      const answer = await res.json();
      if (replaces) await remove(replaces);
      localStorage.removeItem(formKey(form));
      location.href = answer.redirect;
      return;
    }
    // Refused while online: the server's own page says what to fix, on each field (it stored
    // nothing, so posting the same answers again shows its errors).
    if (replaces) await update(replaces, { fields: item.fields });
    const key2 = form.querySelector('input[name="idempotencyKey"]');
    if (key2) key2.value = key;
    HTMLFormElement.prototype.submit.call(form);
  });
});

// ---- 3. the service worker, and what sign-out leaves behind ----
if ('serviceWorker' in navigator && document.querySelector('meta[name="nwd-user"]')) {
  navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'outbox-changed') render();
  });
  // The worker's pages, kept for offline use while online (the caseload names them).
  // The worker's own pages (from the navigation their role has) and the caseload's links.
  const own = ['/app/my-day', '/app/caseload', '/app/outbox']
    .map((href) => `.govuk-service-navigation a[href="${href}"]`)
    .join(', ');
  const keep = [...document.querySelectorAll(`${own}, [data-keep-offline]`)].map((a) =>
    a.getAttribute('href'),
  );
  // At most every quarter of an hour (each page fetched is a logged look), or when the list changes.
  const last = JSON.parse(localStorage.getItem('nwd-kept') || '{}');
  const list = keep.join(' ');
  const due = last.list !== list || Date.now() - (last.at || 0) > 15 * 60_000;
  if (keep.length && navigator.onLine && due) {
    localStorage.setItem('nwd-kept', JSON.stringify({ list, at: Date.now() }));
    registration().then((reg) => reg?.active?.postMessage({ type: 'keep', urls: keep }));
  }
}
// The sign-in page: any session before has ended, so its kept pages go (the outbox stays, with
// its owner named: only they can send it, after signing in again).
if (document.querySelector('meta[name="nwd-signed-out"]') && 'caches' in window) {
  caches
    .keys()
    .then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith('nwd-pages')).map((k) => caches.delete(k))),
    );
}

document.querySelectorAll('form[action="/app/sign-out"]').forEach((form) => {
  form.addEventListener('submit', async (event) => {
    if (form.dataset.cleared) return;
    event.preventDefault();
    const waiting = unsent(await list().catch(() => []));
    if (
      waiting.length &&
      !confirm(
        `${waiting.length === 1 ? 'One thing recorded on this phone has' : waiting.length + ' things recorded on this phone have'} not been sent. Signing out deletes ${waiting.length === 1 ? 'it' : 'them'} from this phone. Sign out anyway?`,
      )
    )
      return;
    await clearAll().catch(() => undefined);
    if ('caches' in window) await Promise.all((await caches.keys()).map((k) => caches.delete(k)));
    for (const k of Object.keys(localStorage)) if (k.startsWith('nwd-')) localStorage.removeItem(k);
    form.dataset.cleared = 'true';
    HTMLFormElement.prototype.submit.call(form);
  });
});

// Signed in: show and send the outbox. Signed out, the phone's storage is left alone (opening
// it would make the database again after sign-out deleted it).
if (user()) {
  window.addEventListener('online', () => sendNow());
  render().then(() => sendNow());
}
