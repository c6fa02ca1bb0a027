import type { FormError } from './form-messages.js';

/**
 * A date from the GOV.UK date input (`<prefix>-day`, `-month`, `-year`), as YYYY-MM-DD; nothing
 * when all three are empty; otherwise an error for the field in plain words.
 */
export function dateFromInput(
  fields: Record<string, unknown>,
  prefix: string,
  label: string,
): { value?: string; error?: FormError; given: boolean } {
  const part = (name: string) => String(fields[`${prefix}-${name}`] ?? '').trim();
  const [d, m, y] = [part('day'), part('month'), part('year')];
  if (!d && !m && !y) return { given: false };
  const error = { text: `${label} must be a real date, like 14 5 2008`, href: `#${prefix}-day` };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y))
    return { error, given: true };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso)
    return { error, given: true };
  return { value: iso, given: true };
}
