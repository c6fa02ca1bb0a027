/**
 * PostgreSQL's text form of a jsonb value, byte for byte, for values made of strings, booleans,
 * null, safe integers and finite decimals that JavaScript prints without an exponent (all the
 * log holds). Lets a bulk loader compute the hash chain in Node exactly as `nwd_event_hash`
 * computes it in the database; `nwd verify` recomputes it there, and the tests compare both.
 *
 * jsonb sorts object keys by their length in bytes, then bytewise, and drops duplicates; it
 * separates with ", " and ": ".
 */
export function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    const text = String(value);
    if (!Number.isFinite(value) || /e/i.test(text)) {
      throw new Error(`jsonbText: ${text} has no exact jsonb text form here`);
    }
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).filter(
      (k) => (value as Record<string, unknown>)[k] !== undefined,
    );
    keys.sort(byJsonbKeyOrder);
    const body = keys.map(
      (k) => `${quote(k)}: ${jsonbText((value as Record<string, unknown>)[k])}`,
    );
    return `{${body.join(', ')}}`;
  }
  throw new Error(`jsonbText: cannot serialise a ${typeof value}`);
}

function byJsonbKeyOrder(a: string, b: string): number {
  // ASCII keys (all of ours): UTF-8 length is the string length, bytewise is code-unit order.
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ba.length - bb.length || Buffer.compare(ba, bb);
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function quote(s: string): string {
  const body = s.replace(
    // eslint-disable-next-line no-control-regex
    /["\\\u0000-\u001f]/g,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${body}"`;
}
