import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import {
  SqlEventStore,
  verifyChains,
  verifySeals,
  type Anchor,
  type ChainReport,
  type SealReport,
} from '#event-store';
import { loadSealKey } from '../composition/seal-key.js';
import { loadConfig, openInfrastructure } from '#platform';
import { foldKnownCase, VERIFICATION_STREAM } from '../../src/audit/index.js';
import { ALL_PROJECTIONS, NWD_MODEL } from '../composition/composition.js';
import { readEventsAbout } from '../../src/young-people/index.js';

const REASONS = {
  hash: 'its content or its link to the event before does not match its hash',
  gap: 'a revision before it is missing',
};

/** `nwd verify` and `nwd replay`: integrity and history for an auditor without the web. */
export function addAuditCommands(program: Command, environment: string): void {
  program
    .command('verify')
    .description(
      'Check every stream’s hash chain, the log against its signed seals (every sealed head still ' +
        'there, seals signed, chained and only growing, the streams table agreeing with the ' +
        'events) and, with --anchor, against a seal kept outside the database; and every read ' +
        'model (each must equal a fresh rebuild in a scratch schema). Prints the first fault, ' +
        'records the result in the log, and exits 1 on any fault. With PGlite, stop `nwd start` first.',
    )
    .option('--anchor <file>', 'a seal written by `nwd seal --out`, kept outside the database')
    .addHelpText('after', environment)
    .action(async (opts: { anchor?: string }) => {
      const anchor = opts.anchor
        ? (JSON.parse(readFileSync(opts.anchor, 'utf8')) as Anchor)
        : undefined;
      const key = await loadSealKey();
      const infra = await openInfrastructure(loadConfig(), NWD_MODEL);
      let faults = 0;
      try {
        const out = (line: string) => process.stdout.write(`${line}\n`);
        let chains: ChainReport | null = null;
        let seals: SealReport | null = null;
        if (infra.store instanceof SqlEventStore) {
          seals = await verifySeals(infra.store, key, anchor);
          faults += seals.faults.length;
          if (seals.faults.length > 0) {
            out(`Seals: FAULT. ${seals.faults[0]}.`);
            for (const f of seals.faults.slice(1, 20)) out(`  also: ${f}`);
          } else {
            out(
              seals.latest
                ? `Seals: ${seals.seals} seals, the latest (${seals.latest.number}, ${seals.latest.sealedAt}) of ${seals.latest.streams} streams: the log holds every sealed head${anchor ? `, and the anchor (seal ${anchor.seal.number})` : ''}.`
                : 'Seals: the log has not been sealed yet (run nwd seal); the streams table agrees with the events.',
            );
          }
          chains = await verifyChains(infra.store.db);
          if (chains.firstBroken) {
            faults += chains.brokenLinks;
            const b = chains.firstBroken;
            out(
              `Hash chains: BROKEN. First broken link: stream ${b.streamId}, revision ${b.revision} (position ${b.position}): ${REASONS[b.reason]}. ${chains.brokenLinks} link(s) fail in all.`,
            );
          } else {
            out(
              `Hash chains: ${chains.streams} streams, ${chains.events} events: every link holds.`,
            );
          }
        } else {
          out(
            'Hash chains: not kept on EventStoreDB (its own log is append-only); read models only.',
          );
        }
        await infra.runner.prepare();
        await infra.runner.catchUp();
        const projections: {
          name: string;
          differing: { table: string; differingRows: number }[];
        }[] = [];
        out('Read models (each compared with a fresh rebuild from the log):');
        for (const p of ALL_PROJECTIONS) {
          const differing = (await infra.runner.compareWithRebuild(p.name)).filter(
            (t) => t.differingRows > 0,
          );
          projections.push({ name: p.name, differing });
          faults += differing.length;
          out(
            `  ${p.name.padEnd(20)} ${differing.length === 0 ? 'equal' : `DIFFERS: ${differing.map((d) => `${d.table} (${d.differingRows} rows)`).join(', ')}`}`,
          );
        }
        const now = new Date().toISOString();
        await infra.store.append(
          VERIFICATION_STREAM,
          [
            {
              eventId: randomUUID(),
              type: 'IntegrityVerified',
              data: {
                ok: faults === 0,
                verifiedAt: now,
                chains: chains
                  ? {
                      streams: chains.streams,
                      events: chains.events,
                      brokenLinks: chains.brokenLinks,
                      firstBroken: chains.firstBroken,
                    }
                  : null,
                seals: seals
                  ? {
                      seals: seals.seals,
                      latest: seals.latest,
                      anchor: anchor ? anchor.seal.number : null,
                      faults: seals.faults.slice(0, 20),
                    }
                  : null,
                projections: projections.map((p) => ({
                  name: p.name,
                  equal: p.differing.length === 0,
                  differing: p.differing,
                })),
              },
              metadata: {
                actor: { id: 'nwd verify', name: 'nwd verify' },
                correlationId: randomUUID(),
                causationId: null,
                occurredAt: now,
                schemaVersion: 1,
              },
            },
          ],
          { expectedRevision: 'any' },
        );
        out(faults === 0 ? 'Verified: no fault found.' : `FAULTS FOUND: ${faults}.`);
      } finally {
        await infra.close();
      }
      process.exitCode = faults === 0 ? 0 : 1;
    });

  program
    .command('replay')
    .argument('<youngPersonId>', 'the young person')
    .option('--as-of <instant>', 'only events recorded up to this instant (what was known then)')
    .option('--json', 'print one JSON document instead of text')
    .description('Print every event about a young person, then the case folded from them.')
    .addHelpText('after', environment)
    .action(async (youngPersonId: string, opts: { asOf?: string; json?: boolean }) => {
      if (opts.asOf !== undefined && Number.isNaN(Date.parse(opts.asOf))) {
        throw new Error(
          `--as-of must be an instant such as 2026-03-04T18:00:00Z, not ${opts.asOf}`,
        );
      }
      const infra = await openInfrastructure(loadConfig(), NWD_MODEL);
      try {
        const events = await readEventsAbout(infra.store, youngPersonId, {
          recordedUpTo: opts.asOf,
        });
        const known = foldKnownCase(youngPersonId, events);
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ youngPersonId, asOf: opts.asOf ?? null, events, case: known }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(
          `${events.length} events about ${youngPersonId}${opts.asOf ? ` recorded up to ${opts.asOf}` : ''}:\n`,
        );
        for (const e of events) {
          const actor = (e.metadata.actor as { id: string }).id;
          process.stdout.write(
            `  #${e.position} ${e.recordedAt} ${e.streamId}@${e.revision} ${e.type} by ${actor} ${JSON.stringify(e.data)}\n`,
          );
        }
        process.stdout.write(`\nThe case as folded:\n${JSON.stringify(known, null, 2)}\n`);
        if (events.length === 0) process.exitCode = 2;
      } finally {
        await infra.close();
      }
    });
}
