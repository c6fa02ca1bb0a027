import { createHash } from 'node:crypto';
import { when, type ChronologyEntry } from './chronology.js';
import type { KnownCase } from './known-case.types.js';

export const WITHHELD = '[name withheld: third party]';

/** The young person's own copy: people marked third party are withheld, everything else shown. */
export function redactThirdParties(known: KnownCase): KnownCase {
  const copy = structuredClone(known);
  for (const c of copy.contacts) {
    c.present = c.present.map((p) => (p.thirdParty ? { ...p, name: WITHHELD } : p));
    for (const a of c.amendments) {
      if (a.previous.present)
        a.previous.present = a.previous.present.map((p) =>
          p.thirdParty ? { ...p, name: WITHHELD } : p,
        );
    }
  }
  for (const i of copy.incidents)
    i.involved = i.involved.map((p) => (p.thirdParty ? { ...p, name: WITHHELD } : p));
  return copy;
}

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const words = (v: string) => v.replaceAll('_', ' ');

/** One part of the record: a heading and a table (or a line saying there is nothing). */
export interface RecordSection {
  heading: string;
  columns: string[];
  rows: string[][];
}

/**
 * The record a young person can read, as one document the HTML page and the PDF both print: UK
 * dates, the chronology as sentences, third parties withheld with a visible marker and counted.
 */
export interface RecordDocument {
  title: string;
  name: string;
  intro: string[];
  sections: RecordSection[];
  /** How many names of other people are withheld. */
  withheld: number;
}

export function recordDocument(
  known: KnownCase,
  chronology: ChronologyEntry[],
  produced: { at: string; by: string | null },
): RecordDocument {
  const s = known.summary;
  const name = s ? `${s.youngPerson.givenName} ${s.youngPerson.familyName}` : 'Unknown';
  const withheld = JSON.stringify(known).split(WITHHELD).length - 1;
  return {
    title: `Record of ${name}`,
    name,
    intro: [
      `Produced on ${when(produced.at)}${produced.by ? ` by ${produced.by}` : ''} in answer to a subject access request.`,
      `Date of birth: ${s ? when(s.youngPerson.dateOfBirth) : 'not known'}. Kept until: ${known.retentionDate ? when(known.retentionDate) : 'not set'}.`,
      withheld
        ? `The names of other people who are not professionals are withheld: ${withheld} ${withheld === 1 ? 'name is' : 'names are'} shown as “${WITHHELD}”.`
        : 'No names of other people needed to be withheld.',
    ],
    withheld,
    sections: [
      {
        heading: 'What happened, in order',
        columns: ['When it happened', 'What happened', 'Recorded'],
        rows: chronology.map((e) => [
          when(e.occurredAt),
          e.text + e.corrections.map((c) => ` (corrected on ${when(c.at)}: ${c.reason})`).join(''),
          `By ${e.recordedBy.name}, ${when(e.recordedAt)}${e.lateRecorded ? ' (recorded late)' : ''}`,
        ]),
      },
      {
        heading: 'The case',
        columns: ['', ''],
        rows: s
          ? [
              ['Status', words(s.status)],
              ['Referred', `${when(s.referredAt)}: ${s.referralReason}`],
              ['Social worker', `${s.socialWorker.name}, ${s.socialWorker.team}`],
              ['Key worker', s.keyWorker?.workerName ?? 'none'],
              ['Team', s.team.map((m) => `${m.name} (${words(m.role)})`).join('; ') || 'none'],
              [
                'Goals',
                s.plan.goals.map((g) => `${g.description} (${g.status})`).join('; ') || 'none',
              ],
            ]
          : [],
      },
      {
        heading: 'Placements',
        columns: ['From', 'To', 'Where', 'Legal status'],
        rows: known.placements.map((p) => [
          when(p.from),
          p.to ? when(p.to) : 'now',
          p.kind === 'hub_bed' ? 'a hub bed' : 'a community family',
          p.legalStatus,
        ]),
      },
      {
        heading: 'Contacts',
        columns: ['When', 'Kind', 'With', 'Others there', 'Notes'],
        rows: known.contacts.map((c) => [
          when(c.occurredAt),
          words(c.kind),
          c.worker.name,
          c.present
            .map((p) => `${p.name}${p.relationship ? ` (${p.relationship})` : ''}`)
            .join(', '),
          c.notes,
        ]),
      },
      {
        heading: 'Missing episodes',
        columns: ['Started', 'Came back', 'Where found', 'Return interview'],
        rows: known.missingEpisodes.map((m) => [
          when(m.startedAt),
          m.returnedAt ? when(m.returnedAt) : 'not yet',
          m.whereFound ?? '',
          m.interview.map((i) => `${i.outcome} ${when(i.at)}`).join(', '),
        ]),
      },
      {
        heading: 'Incidents',
        columns: ['When', 'Kind', 'What happened', 'People involved'],
        rows: known.incidents.map((i) => [
          when(i.occurredAt),
          words(i.kind),
          i.summary,
          i.involved.map((p) => p.name).join(', '),
        ]),
      },
      {
        heading: 'Where they lived',
        columns: ['From', 'Where', 'Why'],
        rows: known.housing.accommodations.map((a) => [
          when(a.on),
          `${words(a.accommodation)}${a.description ? `: ${a.description}` : ''}`,
          a.reason,
        ]),
      },
    ],
  };
}

/**
 * The record's own styles, inline so a saved copy keeps them; the pages' Content-Security-Policy
 * allows exactly this text by its hash (`RECORD_STYLE_HASH`).
 */
export const RECORD_STYLE = `body { font-family: Arial, sans-serif; margin: 2rem; color: #0b0c0c; line-height: 1.4; max-width: 60rem; }
header { border-bottom: 10px solid #1d70b8; padding-bottom: 0.5rem; } .brand { font-weight: bold; font-size: 1.2rem; }
h1, h2 { margin-top: 2rem; } table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #b1b4b6; text-align: left; padding: 0.4rem; vertical-align: top; }
.withheld { background: #f3f2f1; padding: 0 0.2rem; }
@media print { body { margin: 0; } h2 { page-break-before: always; } h2:first-of-type { page-break-before: avoid; } tr { page-break-inside: avoid; } }
`;
export const RECORD_STYLE_HASH = `'sha256-${createHash('sha256').update(RECORD_STYLE).digest('base64')}'`;

/** The withheld marker stands out in the page, so a reader sees where a name was. */
const cell = (v: string) =>
  esc(v).replaceAll(esc(WITHHELD), `<span class="withheld">${esc(WITHHELD)}</span>`);

/** A printable HTML document: the chronology first, then each part of the record as it is now. */
export function renderRecord(doc: RecordDocument, pdfHref?: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>${RECORD_STYLE}</style>
</head>
<body>
<header><span class="brand">nwd-hub</span> · No Wrong Door</header>
<h1>${esc(doc.title)}</h1>
${doc.intro.map((p) => `<p>${cell(p)}</p>`).join('\n')}
${pdfHref ? `<p><a href="${esc(pdfHref)}">Download this record as a PDF</a></p>` : ''}
${doc.sections
  .map(
    (sec) => `<h2>${esc(sec.heading)}</h2>
${
  sec.rows.length === 0
    ? '<p>None recorded.</p>'
    : `<table>${sec.columns.some(Boolean) ? `<thead><tr>${sec.columns.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` : ''}<tbody>${sec.rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => (i === 0 && !sec.columns[0] ? `<th scope="row">${cell(c)}</th>` : `<td>${cell(c)}</td>`)).join('')}</tr>`,
        )
        .join('')}</tbody></table>`
}`,
  )
  .join('\n')}
</body>
</html>`;
}
