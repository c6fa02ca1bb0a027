import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import { loadConfig, openInfrastructure, uuidFromHash, type Infrastructure } from '#platform';
import type { AuthenticatedUser } from '../../../src/access/index.js';
import { inProcessApi } from '../in-process-api.js';
import { NWD_MODEL } from '../../composition/composition.js';
import { registerDemoUsers } from '../../../src/web/index.js';
import { simulate, type HubPeople, type SeedOptions, type SeedUser } from './simulation.js';

export interface SeedSummary {
  hubs: number;
  weeks: number;
  requests: number;
  events: number;
  seconds: number;
}

/**
 * `nwd seed --hubs <n> --years <y> [--seed <int>]`: a synthetic council written through the real
 * API and command handlers (in this process, on the configured storage), each request decided and
 * recorded at its simulated moment. Deterministic for a seed on an empty log.
 */
export async function seedCouncil(
  options: SeedOptions & { progress: boolean },
  out: (line: string) => void,
  given?: Infrastructure,
): Promise<SeedSummary> {
  const end = new Date(options.start.getTime() + options.years * 365.25 * 86_400_000);
  if (end.getTime() > Date.now()) {
    throw new Error(`--start plus --years ends ${end.toISOString().slice(0, 10)}, after today`);
  }
  const config = loadConfig();
  // History at simulated times sets recorded_at: the schema owner's right.
  const infra = given ?? (await openInfrastructure(config, NWD_MODEL, { appendAsOwner: true }));
  const { url, app, sign } = await inProcessApi(infra, config);
  // Tokens live at most TOKEN_MAX_MINUTES: a long seed signs a user's token again on the way.
  const tokens = new Map<string, { token: string; signedAt: number }>();
  const token = async (u: SeedUser) => {
    const key = `${u.id}:${u.hubs.join(',')}`;
    const known = tokens.get(key);
    if (known && Date.now() - known.signedAt < 20 * 60_000) return known.token;
    const signed = { token: await sign(u as AuthenticatedUser, '30m'), signedAt: Date.now() };
    tokens.set(key, signed);
    return signed.token;
  };
  const head = async () => {
    const r = await infra.readDb.query<{ n: string | number | null }>(
      'SELECT max(position) AS n FROM events',
    );
    return Number(r.rows[0]?.n ?? 0);
  };
  const weeks = Math.max(1, Math.round(options.years * 52));
  const bar = new cliProgress.SingleBar(
    {
      format: 'seed |{bar}| week {value}/{total} | {events} events | {rate} events/s',
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  const startedAt = performance.now();
  const firstPosition = await head();
  let requests = 0;
  try {
    if (options.progress) bar.start(weeks, 0, { events: 0, rate: 0 });
    let week = -1;
    let staff: HubPeople[] = [];
    let lastAt: Date | undefined;
    for (const steps of simulate(options, (hubs) => (staff = hubs))) {
      for (const step of steps) {
        infra.clock.simulate(step.at);
        lastAt = step.at;
        const t = performance.now();
        const res = await fetch(url + step.path, {
          method: step.method,
          headers: {
            authorization: `Bearer ${await token(step.user)}`,
            'content-type': 'application/json',
            'idempotency-key': step.key,
            'x-correlation-id': step.key,
          },
          body: JSON.stringify(step.body),
        });
        const body = (await res.json()) as Record<string, unknown>;
        if (!res.ok) {
          throw new Error(
            `${step.method} ${step.path} at ${step.at.toISOString()}: ${res.status} ${JSON.stringify(body)}`,
          );
        }
        requests++;
        if (process.env.SEED_TRACE)
          process.stderr.write(
            `${step.method} ${step.path.replace(/[0-9a-f-]{36}/g, ':id')} ${(performance.now() - t).toFixed(0)} ms\n`,
          );
        step.after?.(body);
      }
      week++;
      if (options.progress && week > 0) {
        const events = (await head()) - firstPosition;
        const seconds = (performance.now() - startedAt) / 1000;
        bar.update(week, { events, rate: Math.round(events / seconds) });
      }
    }
    // Each hub's manager and key workers, on the sign-in page under their hub's name (not for
    // the template --fast copies from: its users are its own), recorded at the last simulated
    // moment with ids from the seed, so the same seed still writes the same log.
    if (!given) {
      const id = uuidFromHash(`seed-${options.seed}-demo-users`);
      await registerDemoUsers(
        infra.store,
        staff.flatMap(({ hub, people }) =>
          people.map((u) => ({ ...(u as AuthenticatedUser), group: hub })),
        ),
        { eventId: id, correlationId: id, at: lastAt?.toISOString() },
      );
    }
    infra.clock.simulate(null);
    await infra.runner.stop();
    await infra.runner.catchUp();
    const summary = {
      hubs: options.hubs,
      weeks,
      requests,
      events: (await head()) - firstPosition,
      seconds: (performance.now() - startedAt) / 1000,
    };
    if (options.progress) bar.stop();
    out(
      `Seeded ${summary.hubs} hub(s) over ${weeks} weeks: ${requests} requests, ${summary.events} events in ${summary.seconds.toFixed(1)} s (${Math.round(summary.events / summary.seconds)} events/s).`,
    );
    return summary;
  } finally {
    if (options.progress) bar.stop();
    infra.clock.simulate(null);
    await app.close();
    if (!given) await infra.close();
  }
}
