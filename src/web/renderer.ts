import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { ukDate, ukDateTime } from './uk-time.js';
import { plural } from './words.js';

/** The repository (or installed package) root: the nearest folder up with a package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the web module');
    dir = up;
  }
  return dir;
}

const ROOT = packageRoot();

/** The shell's views, then each capability's own (`src/<capability>/web/views`). */
function viewFolders(): string[] {
  const src = join(ROOT, 'src');
  const capabilities = readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'web')
    .map((d) => join(src, d.name, 'web', 'views'))
    .filter((dir) => existsSync(dir));
  return [join(src, 'web', 'views'), ...capabilities.sort()];
}

/**
 * A template is found by its name in the first folder that has it, so two capabilities' views of
 * one name would show the wrong page: refuse to start instead.
 */
function refuseSharedNames(folders: string[]): string[] {
  const seen = new Map<string, string>();
  for (const dir of folders) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.njk'))) {
      const first = seen.get(name);
      if (first) throw new Error(`Two pages' views are both named ${name}: ${first} and ${dir}`);
      seen.set(name, dir);
    }
  }
  return folders;
}

export const WEB_PATHS = {
  views: refuseSharedNames(viewFolders()),
  public: join(ROOT, 'src', 'web', 'public'),
  /** The pages' script and the service worker, as `npm run build` bundles them (tools/build-web.mjs). */
  built: join(ROOT, 'dist', 'web'),
  govuk: join(ROOT, 'node_modules', 'govuk-frontend', 'dist'),
  moj: join(ROOT, 'node_modules', '@ministryofjustice', 'frontend'),
};

/** Nunjucks with the official GOV.UK Frontend and MOJ Frontend macros on its path. */
export class Renderer {
  private readonly env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([...WEB_PATHS.views, WEB_PATHS.govuk, WEB_PATHS.moj], {
      noCache: false,
    }),
    { autoescape: true, throwOnUndefined: false },
  );

  constructor() {
    this.env.addFilter('date', (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : ''));
    // UK forms, as people write them: "4 December 2026 at 14:05", "14 May 2005".
    this.env.addFilter('datetime', (v: unknown) => (typeof v === 'string' ? ukDateTime(v) : ''));
    this.env.addFilter('ukdate', (v: unknown) => (typeof v === 'string' ? ukDate(v) : ''));
    this.env.addFilter('plural', (n: unknown, one: string, many: string) =>
      plural(Number(n), one, many),
    );
    this.env.addFilter('words', (v: unknown) => String(v ?? '').replaceAll('_', ' '));
    // The inline message of a field (GOV.UK error message), from the errors the summary lists.
    this.env.addGlobal('errorFor', (errors: unknown, field: string) => {
      const found = Array.isArray(errors)
        ? (errors as { text: string; href: string }[]).find((e) => e.href === `#${field}`)
        : undefined;
      return found ? { text: found.text } : undefined;
    });
  }

  render(view: string, context: Record<string, unknown>): string {
    return this.env.render(view, context);
  }
}
