/* The outbox as the pages show it: each item's state in words, when it happened, and for the
 * outbox page the list with what can be done to each item. Used by pages.js. */
import { remove } from './outbox-store.js';

export const STATE_WORDS = {
  waiting: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  attention: 'Needs attention',
};
const STATE_TAGS = {
  waiting: 'govuk-tag--yellow',
  sending: 'govuk-tag--blue',
  sent: 'govuk-tag--green',
  attention: 'govuk-tag--red',
};

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** When a queued item happened, as its date and time boxes say it: "5 December 2026 at 10:27". */
export function whenOf(f) {
  // The form's moment: a contact's `occurredAt`, a missing report's `startedAt`.
  const prefix = ['occurredAt', 'startedAt'].find((p) => f[`${p}-day`]) || 'occurredAt';
  const [d, m, y, t] = ['day', 'month', 'year', 'time'].map((p) =>
    (f[`${prefix}-${p}`] || '').trim(),
  );
  if (!d || !m || !y) return '';
  const month = MONTHS[Number(m) - 1] || m;
  return `${Number(d)} ${month} ${y}${t ? ' at ' + t : ''}`;
}

/** The outbox page's list; `changed` renders it again after an item is discarded. */
export function renderOutboxPage(page, items, changed) {
  const empty = document.getElementById('outbox-empty');
  empty.hidden = items.length > 0;
  document.getElementById('outbox-actions').hidden = items.length === 0;
  page.replaceChildren(
    ...items
      .slice()
      .reverse()
      .map((i) => {
        const li = el(
          'li',
          { class: 'app-outbox-item', 'data-state': i.state, 'data-key': i.key },
          el('strong', { class: `govuk-tag ${STATE_TAGS[i.state]}`, text: STATE_WORDS[i.state] }),
          ' ',
          el('span', { class: 'govuk-!-font-weight-bold', text: i.label }),
          el('span', {
            class: 'app-block govuk-body-s',
            text:
              (whenOf(i.fields) ? `Happened ${whenOf(i.fields)}. ` : '') +
              `Recorded on this phone ${new Date(i.queuedAt).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' })}.`,
          }),
        );
        if (i.message)
          li.append(
            el('p', {
              class: 'govuk-body-s app-outbox-message',
              text: i.state === 'attention' ? `Not sent: ${i.message}` : i.message,
            }),
          );
        // Both versions side by side: the server's (in its message) and what this phone holds.
        if (i.state === 'attention' && i.fields.notes)
          li.append(el('p', { class: 'govuk-body-s', text: `Yours: “${i.fields.notes}”` }));
        if (i.state === 'attention') {
          li.append(
            el('a', {
              class: 'govuk-link govuk-!-margin-right-3',
              href: `${i.formPage}#fix=${i.key}`,
              text: 'Fix it and send again',
            }),
          );
        }
        if (i.state !== 'sending') {
          const discard = el('button', {
            type: 'button',
            class: 'app-text-button',
            text: i.state === 'sent' ? 'Remove from the list' : 'Discard it',
          });
          discard.addEventListener('click', async () => {
            if (
              i.state !== 'sent' &&
              !confirm(`Discard ${i.label}? It has not been sent and will be lost.`)
            )
              return;
            await remove(i.key);
            await changed();
          });
          li.append(discard);
        }
        return li;
      }),
  );
}
