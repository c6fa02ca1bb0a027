import { createHash } from 'node:crypto';
import type { ChronologyEntry } from './chronology.js';
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
const day = (iso: string | null) => (iso ? esc(iso.slice(0, 10)) : '');
const table = (head: string[], rows: unknown[][]) =>
  rows.length === 0
    ? '<p>None recorded.</p>'
    : `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;

/**
 * The record's own styles, inline so a saved copy keeps them; the pages' Content-Security-Policy
 * allows exactly this text by its hash (`RECORD_STYLE_HASH`).
 */
export const RECORD_STYLE = `body { font-family: Arial, sans-serif; margin: 2rem; color: #0b0c0c; line-height: 1.4; }
h1, h2 { margin-top: 2rem; } table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #b1b4b6; text-align: left; padding: 0.4rem; vertical-align: top; }
.late { font-weight: bold; } .correction { color: #505a5f; font-size: 0.9em; }
@media print { body { margin: 0; } h2 { page-break-before: always; } h2:first-of-type { page-break-before: avoid; } }
`;
export const RECORD_STYLE_HASH = `'sha256-${createHash('sha256').update(RECORD_STYLE).digest('base64')}'`;

/** A printable HTML document: the chronology first, then each part of the record as it is now. */
export function renderRecord(
  known: KnownCase,
  chronology: ChronologyEntry[],
  producedAt: string,
): string {
  const s = known.summary;
  const name = s ? `${s.youngPerson.givenName} ${s.youngPerson.familyName}` : 'Unknown';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Record of ${esc(name)}</title>
<style>${RECORD_STYLE}</style>
</head>
<body>
<h1>Record of ${esc(name)}</h1>
<p>Produced ${esc(producedAt)} in answer to a subject access request. Names of other people who are
not professionals are withheld. Date of birth: ${esc(s?.youngPerson.dateOfBirth)}. Kept until: ${esc(known.retentionDate)}.</p>
<h2>Chronology</h2>
${table(
  ['When it happened', 'What happened', 'Recorded by', 'Recorded on'],
  chronology.map((e) => [
    e.occurredAt.slice(0, 16).replace('T', ' '),
    e.text + e.corrections.map((c) => ` (corrected ${c.at.slice(0, 10)}: ${c.reason})`).join(''),
    e.recordedBy.name,
    `${e.recordedAt.slice(0, 10)}${e.lateRecorded ? ' (recorded late)' : ''}`,
  ]),
)}
<h2>The case</h2>
${
  s
    ? table(
        ['', ''],
        [
          ['Status', s.status.replace('_', ' ')],
          ['Referred', `${s.referredAt.slice(0, 10)}: ${s.referralReason}`],
          ['Social worker', `${s.socialWorker.name}, ${s.socialWorker.team}`],
          ['Key worker', s.keyWorker?.workerName ?? 'none'],
          [
            'Team',
            s.team.map((m) => `${m.name} (${m.role.replaceAll('_', ' ')})`).join('; ') || 'none',
          ],
          ['Goals', s.plan.goals.map((g) => `${g.description} (${g.status})`).join('; ') || 'none'],
        ],
      )
    : '<p>No case.</p>'
}
<h2>Placements</h2>
${table(
  ['From', 'To', 'Where', 'Legal status'],
  known.placements.map((p) => [
    p.from,
    p.to ?? 'now',
    p.kind === 'hub_bed' ? `hub bed ${p.bedId}` : 'community family',
    p.legalStatus,
  ]),
)}
<h2>Contacts</h2>
${table(
  ['When', 'Kind', 'With', 'Others present', 'Notes'],
  known.contacts.map((c) => [
    day(c.occurredAt),
    c.kind.replaceAll('_', ' '),
    c.worker.name,
    c.present.map((p) => `${p.name} (${p.relationship ?? ''})`).join(', '),
    c.notes,
  ]),
)}
<h2>Missing episodes</h2>
${table(
  ['Started', 'Returned', 'Where found', 'Return interview'],
  known.missingEpisodes.map((m) => [
    m.startedAt.slice(0, 16),
    m.returnedAt?.slice(0, 16) ?? 'not yet',
    m.whereFound ?? '',
    m.interview.map((i) => i.outcome).join(', '),
  ]),
)}
<h2>Incidents</h2>
${table(
  ['When', 'Kind', 'What happened', 'People involved'],
  known.incidents.map((i) => [
    i.occurredAt.slice(0, 16),
    i.kind.replaceAll('_', ' '),
    i.summary,
    i.involved.map((p) => p.name).join(', '),
  ]),
)}
<h2>Housing</h2>
${table(
  ['From', 'Accommodation', 'Reason'],
  known.housing.accommodations.map((a) => [
    a.on,
    `${a.accommodation.replaceAll('_', ' ')} ${a.description}`,
    a.reason,
  ]),
)}
</body>
</html>`;
}
