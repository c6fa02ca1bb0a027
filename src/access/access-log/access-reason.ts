/**
 * Why someone is looking: roles that must say (auditors, independent visitors) give a reason the
 * access log keeps with every look. The API takes it per request (`X-Access-Reason`); the pages
 * ask once in a posted form and keep it for the visit in a session cookie, never in an address
 * (addresses end up in proxies' logs).
 */
export const REASON_COOKIE = 'nwd_reason';

/** 3 to 500 printable characters (no control characters: it is shown to auditors as written). */
export const reasonIsValid = (reason: string) =>
  reason.length >= 3 && reason.length <= 500 && [...reason].every((c) => c.charCodeAt(0) >= 0x20);
