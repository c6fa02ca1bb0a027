#!/usr/bin/env node
// The `nwd` command. Builds the TypeScript once if dist/ is missing, then runs the CLI.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'apps', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('nwd: building (first run)...\n');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
    ],
    {
      stdio: 'inherit',
    },
  );
}
await import(pathToFileURL(entry).href);
