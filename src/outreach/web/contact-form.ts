import { dateFromInput, type FormError, type FormWords } from '../../web/index.js';
import { CONTACT_KINDS, PORTFOLIO_AREAS, type PortfolioArea } from '../outreach.events.js';

/** The kinds of contact, as a worker says them. */
export const CONTACT_KIND_WORDS: Record<(typeof CONTACT_KINDS)[number], string> = {
  face_to_face: 'Face to face',
  phone: 'Phone call',
  text: 'Text or message',
  video: 'Video call',
  attempted_no_contact: 'Tried, but did not reach them',
};

/** The No Wrong Door portfolio areas, as a worker says them. */
export const PORTFOLIO_WORDS: Record<PortfolioArea, string> = {
  safety: 'Safety',
  education_training_employment: 'Education, training and work',
  health_wellbeing: 'Health and wellbeing',
  relationships_family: 'Relationships and family',
  housing: 'Housing',
  money: 'Money',
  substance_use: 'Drugs and alcohol',
  offending: 'Offending',
  identity: 'Identity',
  independence_skills: 'Skills for living independently',
};

/** The form asks for up to three people present and three follow-ups, a row each. */
export const ROWS = [0, 1, 2] as const;
const ORDINAL = ['first', 'second', 'third'];

export const CONTACT_WORDS: FormWords = {
  occurredAt: { label: 'when the contact happened' },
  kind: { label: 'the kind of contact' },
  location: { label: 'where it happened' },
  durationMinutes: { label: 'how long it took, in minutes' },
  ...Object.fromEntries(
    ROWS.flatMap((i) => [
      [`present.${i}.name`, { label: `the name of the ${ORDINAL[i]} person there` }],
      [`present.${i}.relationship`, { label: `who the ${ORDINAL[i]} person is to them` }],
    ]),
  ),
  portfolioAreas: { label: 'what the contact touched' },
  notes: { label: 'notes about the contact' },
  ...Object.fromEntries(
    ROWS.map((i) => [`followUps.${i}.action`, { label: `the ${ORDINAL[i]} follow-up` }]),
  ),
};

const text = (body: Record<string, unknown>, field: string) =>
  typeof body[field] === 'string' ? (body[field] as string).trim() : '';

/**
 * A contact as its request nests it, from the form's rows: who was there (`present-<i>-name`,
 * `-relationship`, `-professional`), the portfolio areas ticked, and follow-ups
 * (`followUps-<i>-action` with a GOV.UK date input `due-<i>`). A row half filled in is said on
 * the box left empty; an empty row is not asked about.
 */
export function contactFromForm(body: Record<string, unknown>): {
  fields: Record<string, unknown>;
  wrong: FormError[];
} {
  const wrong: FormError[] = [];
  const present: { name: string; relationship: string; thirdParty: boolean }[] = [];
  const followUps: { action: string; due: string | undefined }[] = [];
  for (const i of ROWS) {
    const name = text(body, `present-${i}-name`);
    const relationship = text(body, `present-${i}-relationship`);
    if (name || relationship) {
      if (!name)
        wrong.push({
          text: `Enter the name of the ${ORDINAL[i]} person there`,
          href: `#present.${i}.name`,
        });
      if (!relationship)
        wrong.push({
          text: `Enter who the ${ORDINAL[i]} person is to them`,
          href: `#present.${i}.relationship`,
        });
      // A professional's name stays in the young person's own copy of the record; others'
      // names are redacted from it.
      present.push({
        name,
        relationship,
        thirdParty: body[`present-${i}-professional`] !== 'true',
      });
    }
    const action = text(body, `followUps-${i}-action`);
    const due = dateFromInput(body, `due-${i}`, `The date the ${ORDINAL[i]} follow-up is due`);
    if (action || due.given) {
      if (!action)
        wrong.push({ text: `Enter the ${ORDINAL[i]} follow-up`, href: `#followUps.${i}.action` });
      if (!due.given)
        wrong.push({
          text: `Enter when the ${ORDINAL[i]} follow-up is due`,
          href: `#due-${i}-day`,
        });
      else if (due.error) wrong.push(due.error);
      followUps.push({ action, due: due.value });
    }
  }
  const ticked = body.portfolioAreas;
  const areas = (Array.isArray(ticked) ? ticked : ticked ? [ticked] : []).map(String);
  const fields: Record<string, unknown> = { ...body };
  for (const key of Object.keys(fields))
    if (/^(present|followUps|due)-\d/.test(key)) delete fields[key];
  fields.present = present.length ? present : undefined;
  fields.followUps = followUps.length ? followUps : undefined;
  fields.portfolioAreas = areas.length ? areas : undefined;
  return { fields, wrong };
}

/** The form's rows and boxes, filled from what was sent back (a refused form) or empty. */
export function contactFormView(values: Record<string, unknown>) {
  const v = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : '');
  const ticked = values.portfolioAreas;
  const areas = Array.isArray(ticked) ? ticked.map(String) : ticked ? [String(ticked)] : [];
  return {
    presentRows: ROWS.map((i) => ({
      i,
      name: v(`present-${i}-name`),
      relationship: v(`present-${i}-relationship`),
      professional: v(`present-${i}-professional`) === 'true',
    })),
    followUpRows: ROWS.map((i) => ({
      i,
      action: v(`followUps-${i}-action`),
      day: v(`due-${i}-day`),
      month: v(`due-${i}-month`),
      year: v(`due-${i}-year`),
    })),
    areas: PORTFOLIO_AREAS.map((a) => ({
      value: a,
      text: PORTFOLIO_WORDS[a],
      checked: areas.includes(a),
    })),
    showPresent: ROWS.some((i) => v(`present-${i}-name`) || v(`present-${i}-relationship`)),
    showFollowUps: ROWS.some((i) => v(`followUps-${i}-action`) || v(`due-${i}-day`)),
  };
}
