import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, openInfrastructure } from '#platform';
import { isEnglishLaCode, TABLE_NAMES, tableCsv } from '#ssda903';
import { reasonIsValid } from '../../src/access/index.js';
import { Ssda903Export } from '../../src/returns/index.js';
import { EvaluationExtract, readEvaluationKey } from '../../src/outcomes/index.js';
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

  exporting
    .command('evaluation')
    .description(
      'The extract for evaluators: one row per young person the hubs supported from --from to ' +
        '--to, pseudonymised with the council’s key (EVALUATION_KEY_FILE), with no names or free ' +
        'text, dates of birth as months and home postcodes as local authorities; evaluation.csv ' +
        'and dictionary.csv in --out. Recorded in the access log as a disclosure of every young ' +
        'person in it. With PGlite, stop `nwd start` first.',
    )
    .requiredOption('--from <date>', 'the first day (2024-04-01)', calendarDate)
    .requiredOption('--to <date>', 'the last day (2026-03-31)', calendarDate)
    .requiredOption('--out <dir>', 'the folder to write to (made if missing)')
    .requiredOption('--reason <words>', 'why it is made, for the access log (3 to 500 characters)')
    .option('--by <name>', 'who makes it, for the access log', 'nwd export evaluation')
    .addHelpText('after', environment)
    .action(async (opts: { from: string; to: string; out: string; reason: string; by: string }) => {
      if (!reasonIsValid(opts.reason.trim())) {
        process.stderr.write('--reason must be 3 to 500 characters\n');
        process.exitCode = 2;
        return;
      }
      if (opts.from > opts.to) {
        process.stderr.write('--from must be on or before --to\n');
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const key = readEvaluationKey(config.env.EVALUATION_KEY_FILE);
      const infra = await openInfrastructure(config, NWD_MODEL);
      try {
        const { app } = await inProcessApi(infra, config);
        try {
          const head = await infra.store.head();
          await infra.runner.waitFor(['outcomes'], head.position, 120_000);
          const made = await app
            .get(EvaluationExtract)
            .make({ from: opts.from, to: opts.to }, null, key, {
              id: 'nwd-cli',
              name: opts.by,
              roles: ['auditor'],
              reason: opts.reason.trim(),
              path: `nwd export evaluation --from ${opts.from} --to ${opts.to}`,
            });
          mkdirSync(opts.out, { recursive: true });
          writeFileSync(join(opts.out, 'evaluation.csv'), made.csv);
          writeFileSync(join(opts.out, 'dictionary.csv'), made.dictionary);
          process.stdout.write(
            `evaluation.csv: ${made.rows.length} young people; dictionary.csv: what each column means. Recorded in the access log as a disclosure.\n`,
          );
        } finally {
          await app.close();
        }
      } finally {
        await infra.close();
      }
    });
}

function calendarDate(value: string): string {
  const day = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || day.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('give a date as YYYY-MM-DD');
  }
  return value;
}
