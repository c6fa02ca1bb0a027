/** Whole years between a date of birth (YYYY-MM-DD) and an instant or date, in UTC. */
export function ageOn(dateOfBirth: string, instant: string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const on = new Date(instant);
  let age = on.getUTCFullYear() - y;
  const beforeBirthday =
    on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

/** The date (YYYY-MM-DD) `months` after `date`, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The day someone born on `dateOfBirth` turns `age` (29 February: 28 February in other years). */
export function birthdayAt(dateOfBirth: string, age: number): string {
  return addMonths(dateOfBirth, age * 12);
}

const UK_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London' });
/** The UK day (YYYY-MM-DD) of an instant: 23:30 UK time on 1 June is 1 June. */
export const ukDayOf = (instant: string) => UK_DAY.format(new Date(instant));
