import { InvalidArgumentError, type Command } from 'commander';
import { seedDemo } from '../seed-demo.js';
import { seedCouncil } from './seed-council.js';
import { seedFast } from './seed-fast.js';

interface SeedCommandOptions {
  demo?: boolean;
  hubs?: number;
  years: number;
  seed: number;
  start?: string;
  end?: string;
  fast?: boolean;
  la?: string;
  progress: boolean;
}

function whole(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError('a number above 0');
  return n;
}

const DAY = 86_400_000;

/**
 * The simulated first day: `--start`, or `--years` before `--end` (today by default), so a
 * generated council's history runs up to now rather than looking years stale.
 */
function seedStart(opts: SeedCommandOptions): Date {
  const day = (value: string, name: string) => {
    const d = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()))
      throw new Error(`--${name} must be a date such as 2020-01-01`);
    return d;
  };
  if (opts.start !== undefined && opts.end !== undefined)
    throw new Error('give --start or --end, not both: --years sets the other');
  if (opts.start !== undefined) return day(opts.start, 'start');
  const end =
    opts.end !== undefined
      ? day(opts.end, 'end')
      : day(new Date().toISOString().slice(0, 10), 'end');
  // Whole days, ending the day before `end` begins (the simulation never passes now).
  return new Date(end.getTime() - Math.ceil(opts.years * 365.25 + 1) * DAY);
}

/** `nwd seed`: generated data, a demo hub or a synthetic council. */
export function addSeedCommand(program: Command, environment: string): void {
  program
    .command('seed')
    .option('--demo', 'a demo hub with generated young people, and the demo users to sign in as')
    .option('--hubs <n>', 'a synthetic council of n hubs (about 40 young people each)', whole)
    .option('--years <y>', 'how many years of history to generate (fractions allowed)', positive, 1)
    .option('--seed <int>', 'the random seed: the same seed gives the same log', whole, 1)
    .option('--start <date>', 'the simulated first day (default: --years before --end)')
    .option('--end <date>', 'the simulated last day (default: today)')
    .option(
      '--la <code>',
      'a council (its ONS code, E10000014): hubs registered with it, the return’s details on each young person, real postcodes of its area, some from council foster carers',
    )
    .option('--fast', 'write events straight into the log (same shapes) for tens of millions')
    .option('--no-progress', 'no progress bar')
    .description(
      'Generate data (generated names, no real person). --demo: one demo hub and the demo users ' +
        'the embedded sign-in page lists. --hubs/--years/--seed: a synthetic council through the ' +
        'real API and command handlers at simulated moments. With PGlite, stop `nwd start` first.',
    )
    .addHelpText('after', environment)
    .action(async (opts: SeedCommandOptions) => {
      const out = (line: string) => process.stdout.write(`${line}\n`);
      if (opts.demo) return seedDemo(out);
      if (opts.hubs === undefined) throw new Error('say what to seed: --demo, or --hubs <n>');
      if (opts.la && opts.fast) throw new Error('--la goes through the API: leave out --fast');
      const start = seedStart(opts);
      const options = {
        hubs: opts.hubs,
        years: opts.years,
        seed: opts.seed,
        start,
        la: opts.la,
        progress: opts.progress,
      };
      await (opts.fast ? seedFast(options, out) : seedCouncil(options, out));
    });
}
