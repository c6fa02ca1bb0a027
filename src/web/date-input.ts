import { ukInstant } from './uk-time.js';
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

/**
 * A moment from a date input and a time box (`<prefix>-day`, `-month`, `-year`, `-time`), read
 * as UK wall-clock time, as an ISO instant. The time is on the 24-hour clock: 14:05, 14.05 or
 * 1405 (a phone's number pad has no colon), with seconds where they matter (14:05:30). Nothing
 * when all four are empty.
 */
export function dateTimeFromInput(
  fields: Record<string, unknown>,
  prefix: string,
  label: string,
): { value?: string; error?: FormError; given: boolean } {
  const time = String(fields[`${prefix}-time`] ?? '').trim();
  const date = dateFromInput(fields, prefix, label);
  if (!date.given && !time) return { given: false };
  if (date.error) return date;
  if (!date.value)
    return {
      error: { text: `Enter ${lower(label)}: the date`, href: `#${prefix}-day` },
      given: true,
    };
  const hm = /^(\d{1,2})[:.]?(\d{2})(?:[:.]?(\d{2}))?$/.exec(time);
  if (!time || !hm || Number(hm[1]) > 23 || Number(hm[2]) > 59 || Number(hm[3] ?? 0) > 59) {
    const text = time
      ? `${label}: the time must be on the 24-hour clock, like 14:05`
      : `Enter ${lower(label)}: the time, like 14:05`;
    return { error: { text, href: `#${prefix}-time` }, given: true };
  }
  const local = `${date.value}T${hm[1].padStart(2, '0')}:${hm[2]}${hm[3] ? `:${hm[3]}` : ''}`;
  return { value: ukInstant(local), given: true };
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The fields of a date and time input for a moment, in UK time (a form's default: now); to the
 * second when `seconds`.
 */
export function dateTimeFields(
  prefix: string,
  instant: string,
  seconds = false,
): Record<string, string> {
  const local = new Date(instant).toLocaleString('sv-SE', { timeZone: 'Europe/London' });
  const [y, m, d] = local.slice(0, 10).split('-');
  return {
    [`${prefix}-day`]: String(Number(d)),
    [`${prefix}-month`]: String(Number(m)),
    [`${prefix}-year`]: y,
    [`${prefix}-time`]: local.slice(11, seconds ? 19 : 16),
  };
}

/** The fields of a date input filled with a date (YYYY-MM-DD), as a form shows what is recorded. */
export function dateFields(prefix: string, date: string): Record<string, string> {
  const [y, m, d] = date.split('-');
  return {
    [`${prefix}-day`]: String(Number(d)),
    [`${prefix}-month`]: String(Number(m)),
    [`${prefix}-year`]: y,
  };
}
