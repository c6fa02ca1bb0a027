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
