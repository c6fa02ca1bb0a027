import { createHash, randomUUID } from 'node:crypto';
import { CompactSign, compactVerify, type CryptoKey } from 'jose';
import { canonicalJson } from '../canonical-json.js';
import { WrongExpectedRevisionError } from '../errors.js';
import type { SqlEventStore } from './sql-event-store.js';
import type { SqlExecutor } from './sql-database.js';

/** Where the seals live: a stream of their own, left out of what they seal. */
export const SEAL_STREAM = 'nwd-seals';

/** One stream's last event as sealed: stream, revision, hash. */
export type Head = [streamId: string, revision: number, hash: string];

/**
 * A signed statement of the log's state: the head of every stream (those changed since the seal
 * before are listed; the rest carry over) and a root hash over all of them, chained to the seal
 * before by its root. Signed (EdDSA, JWS) with a key the database does not hold, so whoever can
 * write the tables cannot make a seal that verifies.
 */
export interface SealBody {
  number: number;
  sealedAt: string;
  previousRoot: string | null;
  root: string;
  streams: number;
  changed: Head[];
  keyId: string;
}
export interface Seal extends SealBody {
  /** JWS (compact) over the canonical JSON of the body. */
  signature: string;
}

/** A seal with every head: what a council keeps outside the database (`nwd seal --out`). */
export interface Anchor {
  seal: Seal;
  heads: Head[];
}

export interface SealKey {
  keyId: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export const rootOf = (heads: Iterable<Head>): string => {
  const lines = [...heads]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([s, r, h]) => `${s}\t${r}\t${h}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
};

const bodyOf = ({ signature: _s, ...body }: Seal): SealBody => body;

/** Every stream's head now, from the `streams` table and the event at its revision. */
export async function currentHeads(db: SqlExecutor): Promise<Head[]> {
  const r = await db.query<{ stream_id: string; revision: string | number; hash: string | null }>(
    `SELECT s.stream_id, s.revision, e.hash
     FROM streams s LEFT JOIN events e ON e.stream_id = s.stream_id AND e.revision = s.revision
     WHERE s.stream_id <> $1`,
    [SEAL_STREAM],
  );
  return r.rows.map((row) => [row.stream_id, Number(row.revision), row.hash ?? '']);
}

/** The seals in the log, in order. */
export async function readSeals(store: SqlEventStore): Promise<Seal[]> {
  return (await store.readStream(SEAL_STREAM)).map((e) => e.data as unknown as Seal);
}

/** Heads as of the last of `seals` (folded from their changes). */
export function foldSeals(seals: readonly Seal[]): Map<string, Head> {
  const heads = new Map<string, Head>();
  for (const s of seals) for (const h of s.changed) heads.set(h[0], h);
  return heads;
}

/**
 * Seals the log's present state if it changed since the last seal (else returns the last one).
 * Two sealers racing both aim at the next number; one wins, the other returns the winner's seal.
 */
export async function sealLog(store: SqlEventStore, key: SealKey, now: Date): Promise<Anchor> {
  const seals = await readSeals(store);
  const sealed = foldSeals(seals);
  const last = seals.at(-1) ?? null;
  const heads = await currentHeads(store.db);
  const changed = heads.filter(([s, r, h]) => {
    const before = sealed.get(s);
    return !before || before[1] !== r || before[2] !== h;
  });
  if (last && changed.length === 0) return { seal: last, heads: [...sealed.values()] };
  const all = new Map(sealed);
  for (const h of changed) all.set(h[0], h);
  const body: SealBody = {
    number: (last?.number ?? 0) + 1,
    sealedAt: now.toISOString(),
    previousRoot: last?.root ?? null,
    root: rootOf(all.values()),
    streams: all.size,
    changed,
    keyId: key.keyId,
  };
  const signature = await new CompactSign(new TextEncoder().encode(canonicalJson(body)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId })
    .sign(key.privateKey);
  const seal: Seal = { ...body, signature };
  try {
    await store.append(
      SEAL_STREAM,
      [
        {
          eventId: randomUUID(),
          type: 'LogSealed',
          data: seal as unknown as Record<string, never>,
          metadata: {
            actor: { id: 'nwd seal', name: 'nwd seal' },
            correlationId: randomUUID(),
            causationId: null,
            occurredAt: body.sealedAt,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: last ? last.number - 1 : 'no_stream' },
    );
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    const winner = await readSeals(store);
    return { seal: winner.at(-1)!, heads: [...foldSeals(winner).values()] };
  }
  return { seal, heads: [...all.values()] };
}

/** Whether `seal` was signed by `key` over exactly its body. */
export async function signedBy(seal: Seal, key: Pick<SealKey, 'publicKey' | 'keyId'>) {
  try {
    const { payload } = await compactVerify(seal.signature, key.publicKey);
    return (
      seal.keyId === key.keyId && new TextDecoder().decode(payload) === canonicalJson(bodyOf(seal))
    );
  } catch {
    return false;
  }
}

export interface SealReport {
  seals: number;
  /** The latest seal's number and time, or null when the log was never sealed. */
  latest: { number: number; sealedAt: string; streams: number } | null;
  /** Every fault, first first, in words. */
  faults: string[];
}

/**
 * Checks the log against its seals (and an anchor kept elsewhere): every seal is signed by the
 * key, numbered in order and chained to the one before, and only grows; every sealed head is
 * still in the log with its hash (a truncated tail or a deleted stream is a fault); the `streams`
 * table agrees with the events; the anchor's state is still contained in the log.
 */
export async function verifySeals(
  store: SqlEventStore,
  key: Pick<SealKey, 'publicKey' | 'keyId'>,
  anchor?: Anchor,
): Promise<SealReport> {
  const faults: string[] = [];
  const seals = await readSeals(store);
  const heads = new Map<string, Head>();
  let previous: Seal | null = null;
  for (const seal of seals) {
    if (!(await signedBy(seal, key)))
      faults.push(`seal ${seal.number}: its signature does not verify with the seal key`);
    if (seal.number !== (previous?.number ?? 0) + 1)
      faults.push(
        `seal ${seal.number}: follows seal ${previous?.number ?? 'none'} (a seal is missing)`,
      );
    if (seal.previousRoot !== (previous?.root ?? null))
      faults.push(`seal ${seal.number}: does not chain to the seal before it`);
    if (previous && seal.sealedAt < previous.sealedAt)
      faults.push(`seal ${seal.number}: sealed before the seal before it`);
    for (const h of seal.changed) {
      const before = heads.get(h[0]);
      if (before && h[1] <= before[1])
        faults.push(
          `seal ${seal.number}: stream ${h[0]} went back from revision ${before[1]} to ${h[1]}`,
        );
      heads.set(h[0], h);
    }
    if (rootOf(heads.values()) !== seal.root)
      faults.push(`seal ${seal.number}: its root does not match its heads`);
    previous = seal;
  }
  faults.push(...(await headsStillThere(store.db, [...heads.values()], 'the latest seal')));
  faults.push(...(await streamsAgree(store.db)));
  if (anchor) faults.push(...(await anchorHolds(store.db, seals, anchor, key)));
  return {
    seals: seals.length,
    latest: previous
      ? { number: previous.number, sealedAt: previous.sealedAt, streams: previous.streams }
      : null,
    faults,
  };
}

async function headsStillThere(db: SqlExecutor, heads: Head[], source: string) {
  if (heads.length === 0) return [];
  const r = await db.query<{
    stream_id: string;
    revision: string | number;
    sealed: string;
    hash: string | null;
  }>(
    `SELECT h.stream_id, h.revision, h.hash AS sealed, e.hash
     FROM jsonb_to_recordset($1::jsonb) AS h(stream_id text, revision bigint, hash text)
     LEFT JOIN events e ON e.stream_id = h.stream_id AND e.revision = h.revision
     WHERE e.hash IS DISTINCT FROM h.hash
     ORDER BY h.stream_id`,
    [JSON.stringify(heads.map(([stream_id, revision, hash]) => ({ stream_id, revision, hash })))],
  );
  return r.rows.map((row) =>
    row.hash === null
      ? `stream ${row.stream_id}: revision ${row.revision}, sealed in ${source}, is no longer in the log (a truncated tail or a deleted stream)`
      : `stream ${row.stream_id}: revision ${row.revision} no longer has the hash ${source} sealed`,
  );
}

/** The `streams` table and the events agree: each stream's revision is its last event's. */
async function streamsAgree(db: SqlExecutor): Promise<string[]> {
  const r = await db.query<{
    stream_id: string;
    said: string | number | null;
    held: string | number | null;
  }>(
    `SELECT coalesce(s.stream_id, e.stream_id) AS stream_id, s.revision AS said, e.held
     FROM streams s
     FULL JOIN (SELECT stream_id, max(revision) AS held FROM events GROUP BY stream_id) e
       ON e.stream_id = s.stream_id
     WHERE s.revision IS DISTINCT FROM e.held
     ORDER BY 1 LIMIT 100`,
  );
  return r.rows.map((row) =>
    row.held === null
      ? `stream ${row.stream_id}: recorded at revision ${row.said} but has no events (deleted)`
      : row.said === null
        ? `stream ${row.stream_id}: has events but no stream record`
        : `stream ${row.stream_id}: recorded at revision ${row.said} but its last event is revision ${row.held} (truncated)`,
  );
}

async function anchorHolds(
  db: SqlExecutor,
  seals: readonly Seal[],
  anchor: Anchor,
  key: Pick<SealKey, 'publicKey' | 'keyId'>,
): Promise<string[]> {
  const faults: string[] = [];
  const n = anchor.seal.number;
  if (!(await signedBy(anchor.seal, key)))
    faults.push(`anchor (seal ${n}): its signature does not verify with the seal key`);
  if (rootOf(anchor.heads) !== anchor.seal.root)
    faults.push(`anchor (seal ${n}): its heads do not match its root`);
  const inLog = seals.find((s) => s.number === n);
  if (!inLog)
    faults.push(`anchor (seal ${n}): the log no longer holds seal ${n} (seals were removed)`);
  else if (inLog.root !== anchor.seal.root)
    faults.push(`anchor (seal ${n}): the log's seal ${n} differs from the anchor`);
  faults.push(...(await headsStillThere(db, anchor.heads, `the anchor (seal ${n})`)));
  return faults;
}
