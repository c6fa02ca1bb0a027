/**
 * Names are searched case- and accent-insensitively: "zoe" finds Zoë, "nunez" finds Núñez. The
 * same folding runs in SQL (over the stored names) and here (over what was typed), from one table,
 * so the two always agree.
 */
/** Each plain letter with the accented letters folded into it (lower case). */
const FOLDS: Record<string, string> = {
  a: 'àáâãäåāăą',
  c: 'çćč',
  d: 'ďđ',
  e: 'èéêëēėęě',
  g: 'ğ',
  i: 'ìíîïīįı',
  l: 'ł',
  n: 'ñńň',
  o: 'òóôõöøōő',
  r: 'ŕř',
  s: 'śšş',
  t: 'ťţ',
  u: 'ùúûüūůűų',
  y: 'ýÿ',
  z: 'žźż',
};
const ACCENTED = Object.values(FOLDS).join('');
const PLAIN = Object.entries(FOLDS)
  .map(([plain, accented]) => plain.repeat([...accented].length))
  .join('');
const PAIRS: [string, string][] = [
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
];

const PLAIN_OF = new Map([...ACCENTED].map((c, i) => [c, [...PLAIN][i]]));

/** What was typed, folded: lower case, accents off, spaces collapsed. */
export function foldName(text: string): string {
  let out = '';
  for (const c of text.toLowerCase()) out += PLAIN_OF.get(c) ?? c;
  for (const [from, to] of PAIRS) out = out.replaceAll(from, to);
  return out.replace(/\s+/g, ' ').trim();
}

/** The same folding in SQL, of a text expression. */
export function foldNameSql(expression: string): string {
  let sql = `translate(lower(${expression}), '${ACCENTED}', '${PLAIN}')`;
  for (const [from, to] of PAIRS) sql = `replace(${sql}, '${from}', '${to}')`;
  return sql;
}

/** A LIKE pattern matching the folded text anywhere (the typed `%` and `_` match themselves). */
export function containsPattern(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
