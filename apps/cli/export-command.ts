import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, openInfrastructure } from '#platform';
import { isEnglishLaCode, TABLE_NAMES, tableCsv } from '#ssda903';
import { Ssda903Export } from '../../src/returns/index.js';
import { NWD_MODEL } from '../composition/composition.js';
import { inProcessApi } from './in-process-api.js';

const laCode = (value: string) => {
  if (!isEnglishLaCode(value)) {
    throw new InvalidArgumentError(
      'give the ONS code of an English local authority, like E10000014',
    );
  }
  return value;
};

/** `nwd export ssda903`: the return's tables as files, for the council to send to the DfE. */
export function addExportCommands(program: Command, environment: string): void {
  const exporting = program
    .command('export')
    .description('Write a statutory return or extract as files');
  exporting
    .command('ssda903')
    .description(
      'The SSDA903 looked-after children return for a collection year, derived from the log: ' +
        'header.csv, episodes.csv, missing.csv, oc3.csv and uasc.csv in --out (UTF-8, the DfE’s ' +
        'column names, dates DD/MM/YYYY), and what still stands in the way, one line each. ' +
        'Exits 1 when something does. With PGlite, stop `nwd start` first.',
    )
    .requiredOption('--year <year>', 'the collection year, 1 April to 31 March (2025-26)')
    .requiredOption('--out <dir>', 'the folder to write the tables to (made if missing)')
    .option('--la <code>', 'only the hubs of this council (its ONS code, E10000014)', laCode)
    .option(
      '--record',
      'record the return as sent (needs --la, and nothing standing in the way): next year’s return must carry on its open episodes and header',
    )
    .addHelpText('after', environment)
    .action(async (opts: { year: string; out: string; la?: string; record?: boolean }) => {
      if (opts.record && !opts.la) {
        process.stderr.write('--record needs --la: a return is recorded for one council\n');
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const infra = await openInfrastructure(config, NWD_MODEL);
      try {
        const { app } = await inProcessApi(infra, config);
        try {
          // The read models that list the hubs and their young people, up to the log's head.
          const head = await infra.store.head();
          await infra.runner.waitFor(['caseloads', 'hubs_list'], head.position, 120_000);
          const r = await app
            .get(Ssda903Export)
            .derive(opts.year, { hubIds: null, laCode: opts.la });
          mkdirSync(opts.out, { recursive: true });
          const out = (line: string) => process.stdout.write(`${line}\n`);
          for (const table of TABLE_NAMES) {
            writeFileSync(join(opts.out, `${table}.csv`), tableCsv(table, r.tables[table]));
            out(`${table}.csv: ${r.tables[table].length} rows`);
          }
          if (r.problems.length === 0) {
            out(`Ready to send: nothing the system can check stands in the way.`);
            if (opts.record) {
              await app
                .get(Ssda903Export)
                .record(opts.year, opts.la!, { id: 'nwd-cli', name: 'nwd export ssda903' });
              out(`Recorded as sent: next year's return carries on its open episodes and header.`);
            }
          } else {
            out(`${r.problems.length} thing(s) to put right before the council sends it:`);
            for (const p of r.problems) out(`  ${p.name}: ${p.table} ${p.field}: ${p.message}`);
            process.exitCode = 1;
          }
        } finally {
          await app.close();
        }
      } finally {
        await infra.close();
      }
    });
}
