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
