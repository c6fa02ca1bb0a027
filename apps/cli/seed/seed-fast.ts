import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import { prepareLoad, writeLoad, type LoadEvent, type SqlEventStore } from '#event-store';
import { loadConfig, openInfrastructure, uuidFromHash } from '#platform';
import { NWD_MODEL } from '../../composition/composition.js';
import { seedCouncil, type SeedSummary } from './seed-council.js';
import type { SeedOptions } from './simulation.js';

const DAY = 86_400_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `nwd seed --fast`: one hub's year (or less) is generated through the real handlers into an
 * in-memory log (the template), then copied hubs x years times straight into the configured log
 * (each copy a hub of its own, shifted by whole weeks, every id remapped, names made unique, the
 * hash chain computed as nwd_append computes it). The events are the handlers' own shapes; only
 * the ids, names and times differ. The read models catch up when the API or projector next starts.
 */
export async function seedFast(
  options: SeedOptions & {
    progress: boolean;
    /** Instead of --hubs: as many hub-years as it takes to write at least this many events. */
    targetEvents?: number;
  },
  out: (line: string) => void,
): Promise<SeedSummary> {
  const config = loadConfig();
  const templateYears = Math.min(1, options.years);
  const templateWeeks = Math.max(1, Math.round(templateYears * 52));
  const template = await openInfrastructure(
    { ...config, databaseUrl: null, eventStoreUrl: null },
    NWD_MODEL,
    { memory: true },
  );
  let events: LoadEvent[];
  try {
    await seedCouncil(
      { ...options, hubs: 1, years: templateYears, progress: false },
      () => undefined,
      template,
    );
    const r = await template.readDb.query<{
      event_id: string;
      stream_id: string;
      type: string;
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
      recorded_at: string | Date;
    }>(
      'SELECT event_id::text, stream_id, type, data, metadata, recorded_at FROM events ORDER BY position',
    );
    events = r.rows.map((row) => ({
      eventId: row.event_id,
      streamId: row.stream_id,
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      recordedAt: new Date(row.recorded_at).toISOString(),
    }));
  } finally {
    await template.close();
  }
  const rounds = Math.max(1, Math.round(options.years / templateYears));
  const hubs = options.targetEvents
    ? Math.ceil(options.targetEvents / (rounds * events.length))
    : options.hubs;
  const copies = rounds * hubs;
  // Writing the log directly (its times and hashes computed here) is the schema owner's right.
  const infra = await openInfrastructure(config, NWD_MODEL, { appendAsOwner: true });
  const log = (infra.store as SqlEventStore).db;
  const bar = new cliProgress.SingleBar(
    {
      format: 'seed --fast |{bar}| {value}/{total} hub-years | {events} events | {rate} events/s',
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let written = 0;
  let pending: Promise<void> = Promise.resolve();
  try {
    if (options.progress) bar.start(copies, 0, { events: 0, rate: 0 });
    for (let round = 0; round < rounds; round++) {
      for (let hub = 0; hub < hubs; hub++) {
        const copy = round * hubs + hub;
        const shift = round * templateWeeks * 7 * DAY;
        // Node copies and hashes the next hub-year while the database stores this one.
        const load = prepareLoad(events.map(copier(options.seed, copy, shift)));
        await pending;
        pending = writeLoad(log, load);
        written += events.length;
        if (options.progress) {
          const seconds = (performance.now() - started) / 1000;
          bar.update(copy + 1, { events: written, rate: Math.round(written / seconds) });
        }
      }
    }
    await pending;
  } finally {
    if (options.progress) bar.stop();
    await pending.catch(() => undefined);
    await infra.close();
  }
  const seconds = (performance.now() - started) / 1000;
  out(
    `Seeded ${copies} hub-years (${events.length} events each, from the handlers) by copying: ${written} events in ${seconds.toFixed(1)} s (${Math.round(written / seconds)} events/s). The read models catch up on the next nwd start or nwd projector.`,
  );
  return { hubs: copies, weeks: rounds * templateWeeks, requests: 0, events: written, seconds };
}

/**
 * The copy function for one copy: each id of the template maps to one new id (remembered, as
 * the same id recurs across many events), names get the copy's suffix, times move by `shift`.
 */
export function copier(seed: number, copy: number, shift: number): (e: LoadEvent) => LoadEvent {
  if (copy === 0 && shift === 0) return (e) => e;
  const mapped = new Map<string, string>();
  const user = `seed-${seed}-h0-`;
  const ids = (s: string): string => {
    if (s.length < 20) return s;
    const known = mapped.get(s);
    if (known !== undefined) return known;
    let out = s;
    if (s.includes('-'))
      out = out.replace(UUID, (id) => uuidFromHash(`seed-fast\n${seed}\n${copy}\n${id}`));
    out = out.replace(
      /^(identity-)?([0-9a-f]{40}|[0-9a-f]{64})$/,
      (_, p: string | undefined, h: string) =>
        `${p ?? ''}${createHash('sha256').update(`${seed}\n${copy}\n${h}`).digest('hex').slice(0, h.length)}`,
    );
    if (out.startsWith(user)) out = `seed-${seed}-c${copy}-${out.slice(user.length)}`;
    if (mapped.size < 100_000) mapped.set(s, out);
    return out;
  };
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') {
      if (shift !== 0 && v.length >= 10 && v.charCodeAt(4) === 45 /* - */) {
        if (INSTANT.test(v)) return new Date(new Date(v).getTime() + shift).toISOString();
        if (DATE.test(v))
          return new Date(new Date(`${v}T00:00:00Z`).getTime() + shift).toISOString().slice(0, 10);
      }
      if (key === 'familyName') return `${v}-c${copy}`;
      if (key === 'name' && v.startsWith('Generated Hub')) return `Generated Hub ${copy + 1}`;
      return ids(v);
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, null));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) out[k] = walk((v as Record<string, unknown>)[k], k);
      return out;
    }
    return v;
  };
  return (e) => ({
    eventId: ids(e.eventId),
    streamId: ids(e.streamId),
    type: e.type,
    data: walk(e.data, null) as Record<string, unknown>,
    metadata: walk(e.metadata, null) as Record<string, unknown>,
    recordedAt: new Date(new Date(e.recordedAt).getTime() + shift).toISOString(),
  });
}
