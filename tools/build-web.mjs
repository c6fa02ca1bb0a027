// Builds the pages' browser code (src/web/client) into dist/web: app.js (the pages' script) and
// sw.js (the service worker, with Workbox and the precache manifest of the shell's files, each
// with a hash of its content so a changed file is fetched again). esbuild bundles `idb` and
// Workbox in: a service worker cannot load bare module names.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'web');
mkdirSync(out, { recursive: true });
const common = { bundle: true, format: 'iife', target: 'es2022', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: [join(root, 'src/web/client/pages.js')],
  outfile: join(out, 'app.js'),
});

const revision = (file) =>
  createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
const shell = {
  '/app-assets/app.js': join(out, 'app.js'),
  '/app-assets/app.css': join(root, 'src/web/public/app.css'),
  '/app-assets/init.mjs': join(root, 'src/web/public/init.mjs'),
  '/app-assets/offline.html': join(root, 'src/web/public/offline.html'),
  '/govuk/govuk-frontend.min.css': join(
    root,
    'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css',
  ),
  '/govuk/govuk-frontend.min.js': join(
    root,
    'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js',
  ),
  '/moj/moj-frontend.min.css': join(
    root,
    'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css',
  ),
};
const manifest = Object.entries(shell).map(([url, file]) => ({ url, revision: revision(file) }));

await build({
  ...common,
  entryPoints: [join(root, 'src/web/client/sw.js')],
  outfile: join(out, 'sw.js'),
  define: { __NWD_PRECACHE__: JSON.stringify(manifest), 'process.env.NODE_ENV': '"production"' },
});
