import type { BenchRow } from './bench-support.js';

const num = (text: string) => Number(text.replace(/,/g, ''));

/** "994; 48.0 ms / 104.0 ms" (requests/s; p50 / p99) gives 104; a value without a p99 gives NaN. */
const p99 = (value: string) => num(/\/\s*([\d.,]+)\s*ms/.exec(value)?.[1] ?? 'NaN');

/** Whether one condition of a target holds for the row, or undefined if it is not understood. */
function condition(row: BenchRow, text: string): boolean | undefined {
  let m: RegExpExecArray | null;
  if (text === 'nwd-hub ahead') {
    m = /nwd-hub ([\d.]+)x/.exec(row.ratio);
    return m ? num(m[1]) > 1 : undefined;
  }
  if ((m = /^p99 < ([\d.,]+) ms$/.exec(text))) return p99(row.value) < num(m[1]);
  if ((m = /^< ([\d.,]+) ms$/.exec(text))) return num(row.value.replace(/ ms$/, '')) < num(m[1]);
  if ((m = /^>= ([\d.,]+)$/.exec(text))) {
    // A ratio when the row has one (x baseline), otherwise the value itself (events/s).
    const measured = row.ratio.trim() === '' ? num(row.value) : num(row.ratio);
    return Number.isNaN(measured) ? undefined : measured >= num(m[1]);
  }
  return undefined;
}

/**
 * Whether a row meets its target, from the target's own text (">= 0.6", "< 100 ms",
 * ">= 0.4, p99 < 50 ms", ">= 20,000", "nwd-hub ahead"); undefined for a row without a target
 * or a target this does not understand.
 */
export function targetMet(row: BenchRow): boolean | undefined {
  if (row.target.trim() === '') return undefined;
  // Conditions are separated by a comma and a space; "20,000" is one number.
  const results = row.target.split(/,\s+/);
  const verdicts = results.map((text) => condition(row, text));
  if (verdicts.some((v) => v === undefined)) return undefined;
  return verdicts.every(Boolean);
}

/** The report's summary of its targets: how many were met, and each one missed, by name. */
export function targetSummary(rows: BenchRow[]): string {
  const judged = rows
    .filter((r) => r.target.trim() !== '')
    .map((r) => ({ row: r, met: targetMet(r) }));
  const missed = judged.filter((j) => j.met === false).map((j) => j.row);
  const unclear = judged.filter((j) => j.met === undefined).map((j) => j.row);
  const lines = [
    `Targets: ${judged.length - missed.length - unclear.length} of ${judged.length} met in this run.`,
  ];
  for (const r of missed)
    lines.push(
      `- Missed: ${r.figure}: ${r.value}${r.ratio ? `, ratio ${r.ratio}` : ''} (target ${r.target}).`,
    );
  for (const r of unclear) lines.push(`- Not judged (target not understood): ${r.figure}.`);
  if (missed.length > 0) {
    lines.push(
      '',
      'What limits the missed ones, with the profiles and measurements behind it: README.md,',
      '"What limits the targets the benchmarks miss".',
    );
  }
  return lines.join('\n');
}
