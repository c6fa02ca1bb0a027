import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A compiled file under dist/, for tests that start real processes (`npm test` builds first). */
export function built(relativePath: string): string {
  const file = join(REPO_ROOT, 'dist', relativePath);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
  }
  return file;
}
