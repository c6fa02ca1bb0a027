import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { sealLog, SqlEventStore } from '#event-store';
import { loadConfig, openInfrastructure } from '#platform';
import { NWD_MODEL } from '../composition/composition.js';
import { loadSealKey } from '../composition/seal-key.js';

/** `nwd seal`: sign the log's present state, and hand the council an anchor to keep elsewhere. */
export function addSealCommand(program: Command, environment: string): void {
  program
    .command('seal')
    .option('--out <file>', 'also write the seal with every stream head as JSON: the anchor')
    .description(
      'Seal the log: the head (revision, hash) of every stream and a root hash over them, signed ' +
        'with a key the database does not hold (NWD_SEAL_KEY_FILE, or the local signing key), ' +
        'appended to the log. Nothing changed since the last seal: the last seal is kept. Keep ' +
        'the --out file somewhere the database’s administrators cannot change (a ticket, an ' +
        'e-mail, a write-once bucket); `nwd verify --anchor FILE` checks the log still holds it.',
    )
    .addHelpText('after', environment)
    .action(async (opts: { out?: string }) => {
      const key = await loadSealKey();
      const infra = await openInfrastructure(loadConfig(), NWD_MODEL);
      try {
        if (!(infra.store instanceof SqlEventStore)) {
          throw new Error('EventStoreDB keeps its own log: seals are for the PostgreSQL log');
        }
        const anchor = await sealLog(infra.store, key, new Date());
        if (opts.out) writeFileSync(opts.out, `${JSON.stringify(anchor, null, 2)}\n`);
        process.stdout.write(
          `Seal ${anchor.seal.number} of ${anchor.seal.streams} streams at ${anchor.seal.sealedAt}, root ${anchor.seal.root}` +
            `${opts.out ? `; anchor written to ${opts.out}` : ''}.\n`,
        );
      } finally {
        await infra.close();
      }
    });
}
