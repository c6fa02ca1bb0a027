/**
 * The identifiers the return checks the form of: UK postcodes and unique pupil numbers (UPN).
 */

/**
 * A full UK postcode (outward and inward code), in the form the ONS Postcode Directory writes
 * it: "SO23 8UJ". Spaces and case are forgiven; null when it is not a postcode's shape.
 */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (!/^([A-Z]{1,2}\d[A-Z\d]?|GIR)\d[A-Z]{2}$/.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** The letters a UPN's check letter is taken from (no I, O or S). */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * A unique pupil number: 13 characters, a check letter then 12 digits, the last of which may be a
 * letter in a temporary UPN. The check letter is the sum of characters 2 to 13 weighted 2 to 13
 * (a letter counts as its place in the check letters), modulo 23, as a check letter.
 */
export function isUpn(value: string): boolean {
  if (!/^[A-Z]\d{11}[\dA-Z]$/.test(value)) return false;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const c = value[i];
    const n = /\d/.test(c) ? Number(c) : CHECK_LETTERS.indexOf(c);
    if (n < 0) return false;
    sum += n * (i + 1);
  }
  return value[0] === CHECK_LETTERS[sum % 23];
}

/** The check letter for the 12 characters after it (to generate valid UPNs for test data). */
export function upnCheckLetter(rest: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const c = rest[i];
    sum += (/\d/.test(c) ? Number(c) : CHECK_LETTERS.indexOf(c)) * (i + 2);
  }
  return CHECK_LETTERS[sum % 23];
}
