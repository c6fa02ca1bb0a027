// The house plan as lint rules: which part of the tree may import which, through which door, and
// no import cycles. The map is the table below; README "How the pieces fit" draws it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Which capability may import which (through its index.ts). Upstream first: access and the page
 * shell know no capability; the case (young-people) is what the others build on; audit reads all.
 */
export const CAPABILITY_DEPENDENCIES = {
  access: [],
  web: ['access'],
  'young-people': ['access', 'web'],
  housing: ['access', 'web', 'young-people'],
  'hub-placements': ['access', 'web', 'young-people', 'housing'],
  outreach: ['access', 'web', 'young-people'],
  audit: ['access', 'web', 'young-people', 'housing', 'hub-placements', 'outreach'],
  // Statutory returns read every capability through its door and write nothing.
  returns: ['access', 'web', 'young-people', 'housing', 'hub-placements', 'outreach'],
  // Outcomes and evidence: its own record, and the indicators read from every capability.
  outcomes: ['access', 'web', 'young-people', 'housing', 'hub-placements', 'outreach', 'returns'],
};

/** Libraries may use these other libraries (by alias); the kernel uses none. */
export const LIBRARY_DEPENDENCIES = {
  kernel: [],
  ssda903: ['kernel'],
  'event-store': ['kernel'],
  projections: ['kernel', 'event-store'],
  platform: ['kernel', 'event-store', 'projections'],
  testing: ['kernel', 'event-store', 'projections', 'platform'],
};

const rel = (file) => relative(ROOT, file).split(sep).join('/');

/** Where a file sits: {layer: 'libs'|'src'|'apps'|..., part: library or capability name}. */
function placeOf(file) {
  const [layer, part] = rel(file).split('/');
  return { layer, part };
}

/** The file an import names, for this repository's own import forms; null for a package. */
export function resolveImport(fromFile, spec) {
  if (spec.startsWith('#')) {
    const [name, ...rest] = spec.slice(1).split('/');
    return join(ROOT, 'libs', name, 'src', rest.length ? `${rest.join('/')}.ts` : 'index.ts');
  }
  if (!spec.startsWith('.')) return null;
  const target = resolve(dirname(fromFile), spec);
  return target.endsWith('.js') ? target.replace(/\.js$/, '.ts') : target;
}

function importSources(node) {
  if (node.type === 'ImportExpression') return node.source.type === 'Literal' ? node.source : null;
  return node.source ?? null;
}

function visitImports(context, check) {
  const visit = (node) => {
    const source = importSources(node);
    if (source && typeof source.value === 'string') check(node, source.value);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the house plan (apps -> src -> libs, one door each).' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = placeOf(file);
    return visitImports(context, (node, spec) => {
      const target = resolveImport(file, spec);
      if (!target) return;
      const to = placeOf(target);
      const report = (message) => context.report({ node, message: `${message} (${spec})` });
      if (spec.startsWith('.') && to.layer === 'libs' && from.part !== to.part) {
        return report(`Import the library by its alias #${to.part}, not by a relative path`);
      }
      if (from.layer === 'libs') {
        if (to.layer !== 'libs')
          return report('libs/ are domain-free: they never import src/ or apps/');
        const isTest = /\.(int-)?spec\.ts$/.test(file);
        if (to.part === 'testing' && isTest) return;
        if (to.part !== from.part && !LIBRARY_DEPENDENCIES[from.part]?.includes(to.part))
          return report(`libs/${from.part} may not use #${to.part}`);
        return;
      }
      if (from.layer === 'src') {
        if (!(from.part in CAPABILITY_DEPENDENCIES) && !from.part.endsWith('.ts'))
          return report(
            `src/${from.part} is not on the house plan: add it to CAPABILITY_DEPENDENCIES`,
          );
        if (to.layer === 'apps' || to.layer === 'test' || to.layer === 'bench')
          return report('src/ never imports apps/, test/ or bench/');
        if (to.layer !== 'src' || to.part === from.part) return;
        if (rel(target) !== `src/${to.part}/index.ts`)
          return report(`Reach ${to.part} through its door, src/${to.part}/index.ts`);
        if (!CAPABILITY_DEPENDENCIES[from.part]?.includes(to.part))
          return report(
            `${from.part} may not import ${to.part} (tools/eslint/house-plan.mjs: CAPABILITY_DEPENDENCIES)`,
          );
        return;
      }
      if ((from.layer === 'apps' || from.layer === 'bench') && to.layer === 'src') {
        if (rel(target) !== `src/${to.part}/index.ts`)
          return report(`Reach ${to.part} through its door, src/${to.part}/index.ts`);
      }
    });
  },
};

/** The import graph of the repository's own TypeScript, read once per lint run. */
let graph = null;
function importGraph() {
  if (graph) return graph;
  graph = new Map();
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  for (const top of ['src', 'libs', 'apps']) {
    for (const file of walk(join(ROOT, top))) {
      const text = readFileSync(file, 'utf8');
      const targets = [];
      // Type-only imports vanish at run time but still tie the code together: they count.
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g)) {
        const target = resolveImport(file, m[1]);
        if (target && existsSync(target)) targets.push(target);
      }
      graph.set(file, targets);
    }
  }
  return graph;
}

/** The shortest cycle through `start`, as a list of files, or null. */
function cycleThrough(start) {
  const g = importGraph();
  const queue = [[start]];
  const seen = new Set([start]);
  while (queue.length) {
    const path = queue.shift();
    for (const next of g.get(path[path.length - 1]) ?? []) {
      if (next === start) return path;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
    }
  }
  return null;
}

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No file imports itself through others.' },
    schema: [],
  },
  create(context) {
    return {
      Program(node) {
        const cycle = cycleThrough(context.filename);
        if (cycle)
          context.report({
            node,
            message: `Import cycle: ${[...cycle, cycle[0]].map(rel).join(' -> ')}`,
          });
      },
    };
  },
};

/** The capability table must itself have no cycle, or the rule above would allow one. */
function assertAcyclic(table) {
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open')
      throw new Error(`house plan has a cycle: ${[...path, name].join(' -> ')}`);
    state.set(name, 'open');
    for (const dep of table[name] ?? []) visit(dep, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(table)) visit(name, []);
}
assertAcyclic(CAPABILITY_DEPENDENCIES);
assertAcyclic(LIBRARY_DEPENDENCIES);

export default { rules: { boundaries, 'no-cycle': noCycle } };
