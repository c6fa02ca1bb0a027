import { Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { CONFIG_HELP, loadConfig, openInfrastructure } from '#platform';
import { startApi } from '../api/api.js';
import { startProjector } from '../projector/projector.js';
import { ALL_PROJECTIONS, NWD_MODEL } from '../composition/composition.js';
import { addSeedCommand } from './seed/seed-command.js';
import { addSealCommand } from './seal-command.js';
import { addAuditCommands } from './audit-commands.js';
import { addExportCommands } from './export-command.js';
import {
  AUTH_CONFIG_HELP,
  loadAuthConfig,
  loadOrCreateLocalKeys,
  ROLES,
  signLocalToken,
  lifetimeSeconds,
  type Role,
} from '../../src/access/index.js';
import { OUTREACH_SETTINGS_HELP } from '../../src/outreach/index.js';
import { OUTCOMES_SETTINGS_HELP } from '../../src/outcomes/index.js';
import { YOUNG_PEOPLE_SETTINGS_HELP } from '../../src/young-people/index.js';

const ENVIRONMENT = `
Environment (read once at start, the same for every command):
${[...CONFIG_HELP, ...YOUNG_PEOPLE_SETTINGS_HELP, ...OUTREACH_SETTINGS_HELP, ...OUTCOMES_SETTINGS_HELP, ...AUTH_CONFIG_HELP].map(([name, meaning]) => `  ${name.padEnd(22)} ${meaning}`).join('\n')}
`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

function onSignals(stop: () => Promise<void>) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
}

export function buildCli(): Command {
  const program = new Command('nwd')
    .description('nwd-hub: case coordination for No Wrong Door hubs')
    .addHelpText('after', ENVIRONMENT)
    .showHelpAfterError();

  program
    .command('start')
    .description(
      'Start the API (and, unless PROJECTIONS=external, the projections) on the configured storage: ' +
        'embedded PGlite in NWD_DATA_DIR by default, PostgreSQL with DATABASE_URL.',
    )
    .addHelpText('after', ENVIRONMENT)
    .action(async () => {
      const running = await startApi(loadConfig());
      process.stdout.write(
        `nwd-hub is running at ${running.url} (API docs at ${running.url}/docs)\n`,
      );
      onSignals(running.stop);
    });

  program
    .command('projector')
    .description('Run the projections with no HTTP (for an API started with PROJECTIONS=external).')
    .addHelpText('after', ENVIRONMENT)
    .action(async () => {
      const infra = await startProjector(loadConfig());
      onSignals(infra.close);
    });

  program
    .command('migrate')
    .description(
      'Apply the versioned schema migrations (event log, checkpoints) and create missing read ' +
        'models; a read model whose version changed is rebuilt. Running it again changes nothing.',
    )
    .addHelpText('after', ENVIRONMENT)
    .action(async () => {
      const infra = await openInfrastructure(loadConfig(), NWD_MODEL);
      try {
        await infra.runner.prepare();
        const status = await infra.runner.status();
        process.stdout.write(
          infra.warnings.map((w) => `Warning: ${w}\n`).join('') +
            `Migrated ${infra.describe}.\n` +
            status
              .map((s) => `  ${s.name} v${s.version} at position ${s.checkpoint.position}`)
              .join('\n') +
            '\n',
        );
      } finally {
        await infra.close();
      }
    });

  program
    .command('status')
    .description(
      'Each read model: its version, where it has read to, how far behind the log it is, and, ' +
        'when it is stuck at an event it cannot apply, that event and the error. Exits 1 if any is stuck.',
    )
    .addHelpText('after', ENVIRONMENT)
    .action(async () => {
      const infra = await openInfrastructure(loadConfig(), NWD_MODEL);
      try {
        const status = await infra.runner.status();
        for (const s of status) {
          process.stdout.write(
            `${s.name.padEnd(20)} v${s.version} at position ${s.checkpoint.position}, ` +
              `${s.lag === 0 ? 'caught up' : `about ${s.lag} behind`}` +
              (s.failure
                ? `; FAILED since ${s.failure.since} at event ${s.failure.position} (${s.failure.type}, ${s.failure.eventId}): ${s.failure.error}; ${s.failure.attempts} tries, next at ${s.failure.nextTryAt}`
                : '') +
              '\n',
          );
        }
        if (status.some((s) => s.state === 'failed')) process.exitCode = 1;
      } finally {
        await infra.close();
      }
    });

  program
    .command('rebuild')
    .argument('[name]', 'the read model to rebuild (default: all)')
    .description(
      'Rebuild read models from the event log into fresh tables, then swap them in: readers see ' +
        'the old tables until the new ones are complete. With PGlite, stop `nwd start` first (one ' +
        'process owns the data folder).',
    )
    .addHelpText(
      'after',
      `\nRead models: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}\n${ENVIRONMENT}`,
    )
    .action(async (name: string | undefined) => {
      const infra = await openInfrastructure(loadConfig(), NWD_MODEL);
      try {
        await infra.runner.prepare();
        const names = name ? [infra.runner.find(name).name] : ALL_PROJECTIONS.map((p) => p.name);
        for (const projection of names) {
          const bar = new SingleBar(
            {
              format: `${projection.padEnd(16)} [{bar}] {value}/{total} events | {rate} events/s`,
              hideCursor: true,
            },
            Presets.shades_classic,
          );
          const started = Date.now();
          bar.start(Math.max(1, (await infra.store.head()).position), 0, { rate: 0 });
          const applied = await infra.runner.rebuild(projection, (done, total) => {
            const seconds = (Date.now() - started) / 1000;
            bar.setTotal(Math.max(total, done, 1));
            bar.update(done, { rate: Math.round(done / Math.max(seconds, 0.001)) });
          });
          bar.update(applied);
          bar.stop();
          const seconds = (Date.now() - started) / 1000;
          process.stdout.write(
            `Rebuilt ${projection}: ${applied} events in ${seconds.toFixed(1)} s ` +
              `(${Math.round(applied / Math.max(seconds, 0.001))} events/s)\n`,
          );
        }
      } finally {
        await infra.close();
      }
    });

  program
    .command('token')
    .description(
      'Print a bearer token signed with the local key (embedded default only; with OIDC_ISSUER ' +
        'set, tokens come from the council identity provider). The key is created on first use.',
    )
    .requiredOption('--user <id>', 'user id (becomes the actor of every event they cause)')
    .option('--name <name>', 'display name (default: the user id)')
    .addOption(
      new Option('--role <role>', `a role, one of ${ROLES.join(', ')} (repeat for several)`)
        .argParser((value: string, previous: string[] = []) => {
          if (!(ROLES as readonly string[]).includes(value)) {
            throw new InvalidArgumentError(`the roles are ${ROLES.join(', ')}`);
          }
          return [...previous, value];
        })
        .makeOptionMandatory(),
    )
    .option('--hub <hubId>', 'a hub the user works in (repeat for several)', collect, [])
    .option(
      '--expires <duration>',
      'lifetime, e.g. 15m or 1h; at most TOKEN_MAX_MINUTES (default 60)',
      '60m',
    )
    .addHelpText('after', ENVIRONMENT)
    .action(
      async (opts: {
        user: string;
        name?: string;
        role: Role[];
        hub: string[];
        expires: string;
      }) => {
        const auth = loadAuthConfig();
        if (auth.oidcIssuer) {
          throw new Error(
            'OIDC_ISSUER is set: sign in through the council identity provider instead',
          );
        }
        const seconds = lifetimeSeconds(opts.expires);
        if (seconds === null || seconds <= 0) {
          throw new Error(`--expires ${opts.expires}: give a lifetime such as 15m or 1h`);
        }
        if (seconds > auth.tokenMaxMinutes * 60) {
          throw new Error(
            `--expires ${opts.expires} is longer than TOKEN_MAX_MINUTES (${auth.tokenMaxMinutes} minutes): the API would refuse the token`,
          );
        }
        const keys = await loadOrCreateLocalKeys(auth.keyFile);
        const token = await signLocalToken(
          keys,
          { id: opts.user, name: opts.name ?? opts.user, roles: opts.role, hubs: opts.hub },
          opts.expires,
        );
        process.stdout.write(`${token}\n`);
      },
    );

  addAuditCommands(program, ENVIRONMENT);
  addExportCommands(program, ENVIRONMENT);
  addSealCommand(program, ENVIRONMENT);
  addSeedCommand(program, ENVIRONMENT);

  return program;
}
