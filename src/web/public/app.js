/* nwd-hub pages: everything works without this script; it only adds to them.
 * 1. Forms marked data-keep are kept in this browser as they are filled in, so a sign-in that
 *    expires loses nothing: after signing in again the form comes back filled.
 * 2. The contact form (data-offline-queue) is queued in IndexedDB when there is no connection,
 *    shown as "waiting to send", and sent once when the connection returns (its Idempotency-Key
 *    travels with it, so a send that is retried is still recorded once). */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var saved = params.get('saved');
  if (saved) localStorage.removeItem(saved);

  function formKey(form) {
    return 'nwd-form:' + (form.getAttribute('data-keep') || location.pathname);
  }
  function fields(form) {
    var out = {};
    new FormData(form).forEach(function (v, k) {
      if (k !== '_csrf') out[k] = String(v);
    });
    return out;
  }
  function csrf() {
    var m = document.querySelector('meta[name="nwd-csrf"]');
    return m ? m.content : '';
  }

  document.querySelectorAll('form[data-keep]').forEach(function (form) {
    var key = formKey(form);
    var stored = localStorage.getItem(key);
    if (stored) {
      var values = JSON.parse(stored);
      Object.keys(values).forEach(function (name) {
        var el = form.elements.namedItem(name);
        if (!el || name === '_csrf') return;
        if (el.type === 'radio' || (el.length && el[0] && el[0].type === 'radio')) {
          form.querySelectorAll('[name="' + name + '"]').forEach(function (r) {
            r.checked = r.value === values[name];
          });
        } else if (el.type === 'checkbox') {
          el.checked = values[name] === el.value;
        } else {
          el.value = values[name];
        }
      });
      var note = document.getElementById('restored-note');
      if (note) note.hidden = false;
    }
    form.addEventListener('input', function () {
      localStorage.setItem(key, JSON.stringify(fields(form)));
    });
  });

  // ---- the offline queue ----
  var DB = 'nwd-offline';
  function db() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open(DB, 1);
      open.onupgradeneeded = function () {
        open.result.createObjectStore('outbox', { keyPath: 'key' });
      };
      open.onsuccess = function () {
        resolve(open.result);
      };
      open.onerror = function () {
        reject(open.error);
      };
    });
  }
  function tx(mode, fn) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction('outbox', mode);
        var result = fn(t.objectStore('outbox'));
        t.oncomplete = function () {
          resolve(result && result.result);
        };
        t.onerror = function () {
          reject(t.error);
        };
      });
    });
  }
  function all() {
    return tx('readonly', function (s) {
      return s.getAll();
    });
  }
  function put(item) {
    return tx('readwrite', function (s) {
      s.put(item);
    });
  }
  function remove(key) {
    return tx('readwrite', function (s) {
      s.delete(key);
    });
  }

  /** When a queued contact happened, as the form's date and time boxes say it (UK time). */
  function whenOf(f) {
    if (f.occurredAt) return f.occurredAt;
    var d = f['occurredAt-day'],
      m = f['occurredAt-month'],
      y = f['occurredAt-year'];
    return d + '/' + m + '/' + y + ' ' + (f['occurredAt-time'] || '');
  }

  function showQueue() {
    var box = document.getElementById('outbox');
    if (!box) return Promise.resolve();
    return all().then(function (items) {
      box.hidden = items.length === 0;
      var list = box.querySelector('ul');
      list.innerHTML = '';
      items.forEach(function (item) {
        var li = document.createElement('li');
        li.className = 'app-queued';
        li.textContent =
          'Waiting to send: ' +
          (item.fields.kind || '').replace(/_/g, ' ') +
          ' contact at ' +
          whenOf(item.fields);
        list.appendChild(li);
      });
    });
  }

  function send(item) {
    var body = new URLSearchParams(item.fields);
    body.set('_csrf', csrf());
    return fetch(item.url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }

  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine) return Promise.resolve();
    flushing = true;
    return all()
      .then(function (items) {
        return items.reduce(function (p, item) {
          return p.then(function () {
            return send(item).then(
              function (res) {
                // Sent, or refused for good (a 4xx other than an expired sign-in): out of the queue.
                if (
                  res.ok ||
                  (res.status >= 400 &&
                    res.status < 500 &&
                    res.status !== 401 &&
                    res.status !== 403)
                )
                  return remove(item.key);
              },
              function () {
                /* still offline: keep it */
              },
            );
          });
        }, Promise.resolve());
      })
      .then(
        function () {
          flushing = false;
          return showQueue();
        },
        function () {
          flushing = false;
        },
      );
  }

  document.querySelectorAll('form[data-offline-queue]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var item = {
        key: form.elements.namedItem('idempotencyKey').value,
        url: form.action,
        fields: fields(form),
        queuedAt: new Date().toISOString(),
      };
      var queue = function () {
        return put(item).then(function () {
          localStorage.removeItem(formKey(form));
          form.reset();
          var status = document.getElementById('send-status');
          if (status)
            status.textContent =
              'No connection: the contact is saved on this phone and will be sent when the connection returns.';
          return showQueue();
        });
      };
      if (!navigator.onLine) {
        queue();
        return;
      }
      send(item).then(function (res) {
        if (res.status === 401) {
          location.href = '/app/sign-in?returnTo=' + encodeURIComponent(location.pathname);
          return;
        }
        return res.json().then(function (body) {
          if (res.ok) {
            localStorage.removeItem(formKey(form));
            location.href = body.redirect;
          } else {
            var status = document.getElementById('send-status');
            if (status) status.textContent = body.detail || 'The contact could not be saved.';
          }
        });
      }, queue);
    });
  });

  window.addEventListener('online', flush);
  showQueue().then(flush);
})();
