/** An instant from a datetime-local value read as UK wall-clock time (GMT or BST). */
export function ukInstant(local: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!m) return undefined;
  const asUtc = new Date(`${m[1]}${m[2] ?? ':00'}Z`);
  if (Number.isNaN(asUtc.getTime())) return undefined;
  const offset =
    new Date(asUtc.toLocaleString('en-US', { timeZone: 'Europe/London' })).getTime() -
    new Date(asUtc.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  return new Date(asUtc.getTime() - offset).toISOString();
}

/** Now, as a datetime-local value in UK time (a form's default). */
export const ukNowLocal = () =>
  new Date().toLocaleString('sv-SE', { timeZone: 'Europe/London' }).slice(0, 16).replace(' ', 'T');

/** A datetime-local value (UK time) or an instant with a zone; anything else is undefined. */
export function ukOrInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const local = ukInstant(value);
  if (local) return local;
  return /(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString()
    : undefined;
}

/** A calendar date (YYYY-MM-DD) as people write it: "14 May 2005". */
export function ukDate(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant as people write it, in UK time: "4 December 2026 at 14:05". */
export function ukDateTime(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const date = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  const time = d.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
  return `${date} at ${time}`;
}

/** The instant a UK calendar day starts (midnight, GMT or BST): the start of a "from" date. */
export const ukDayStart = (date: string) => ukInstant(`${date}T00:00`);

/** The instant the day after a UK calendar day starts: the end of a "to" date, counted whole. */
export function ukDayAfter(date: string) {
  const next = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return ukDayStart(next);
}
