import { buildCli } from './cli.js';

try {
  await buildCli().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`nwd: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
