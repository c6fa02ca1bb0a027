import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * The outcomes page's charts, drawn on the server with Vega-Lite as SVG (no script reaches the
 * browser). Each has a description for screen readers, and the page puts its data beside it as a
 * table.
 */
async function svg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const FONT = { font: 'Arial, sans-serif', labelFontSize: 13, titleFontSize: 13 };

/** Totals before and after referral, a pair of bars per indicator. */
export function beforeAfterChart(rows: { what: string; when: 'Before' | 'After'; n: number }[]) {
  return svg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Before and after referral: ${rows.map((r) => `${r.what} ${r.when.toLowerCase()} ${r.n}`).join(', ')}`,
    width: 420,
    height: 220,
    data: { values: rows },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      x: { field: 'what', type: 'nominal', title: null, axis: { labelAngle: 0 } },
      xOffset: { field: 'when', sort: ['Before', 'After'] },
      y: { field: 'n', type: 'quantitative', title: 'In total' },
      color: {
        field: 'when',
        title: null,
        sort: ['Before', 'After'],
        scale: { range: ['#505a5f', '#1d70b8'] },
      },
    },
    config: { axis: FONT, legend: FONT },
  });
}

/** Referrals, missing episodes and arrests by quarter. */
export function trendChart(rows: { quarter: string; what: string; n: number }[]) {
  return svg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `By quarter: ${rows.map((r) => `${r.quarter} ${r.what.toLowerCase()} ${r.n}`).join(', ')}`,
    width: 420,
    height: 220,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'quarter', type: 'ordinal', title: null, axis: { labelAngle: -30 } },
      y: { field: 'n', type: 'quantitative', title: 'How many' },
      color: {
        field: 'what',
        title: null,
        scale: { range: ['#1d70b8', '#d4351c', '#00703c'] },
      },
    },
    config: { axis: FONT, legend: { ...FONT, orient: 'bottom' } },
  });
}
