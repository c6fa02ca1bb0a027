import { CODE_WORDS, codeOptions } from '#ssda903';
import { scopeFor, type AuthenticatedUser } from '../../access/index.js';
import { ukDate } from '../../web/index.js';
import type { CaseSummary } from '../../young-people/index.js';
import {
  ACCOMMODATION_TYPES,
  LANDLORD_TYPES,
  TENANCY_CONCERNS,
  type AccommodationType,
  type TenancyConcern,
} from '../housing.events.js';
import type { HousingOptionView } from '../options/housing-options.query.js';
import { oc3Window } from '../pathway/care-leaver-record.decide.js';
import { ACCOMMODATION_WORDS, CONCERN_WORDS, KIND_WORDS, LANDLORD_WORDS } from './housing-words.js';

/** A young person's housing as GetHousingPathway answers it. */
export type HousingPathwayRead = {
  current: { accommodation: AccommodationType; on: string; description: string } | null;
  accommodations: {
    on: string;
    accommodation: AccommodationType;
    description: string;
    reason: string;
    planned: boolean;
  }[];
  tenancies: {
    tenancyId: string;
    landlordType: (typeof LANDLORD_TYPES)[number];
    start: string;
    weeklyRent: number;
    address: string;
    ended: { on: string; reason: string } | null;
    openConcerns: {
      concern: TenancyConcern;
      on: string;
      detail: string;
      arrears: number | null;
    }[];
  }[];
  plan: { targetMoves: { to: string; by: string }[]; notes: string; setOn: string } | null;
  careLeaverRecords: {
    age: number;
    birthday: string;
    inTouch: string;
    activ: string;
    accom: string;
  }[];
};

/** The plan's moves are rows 1 to 3 of the form; the request nests them as `targetMoves`. */
export const PLAN_ROWS = [0, 1, 2] as const;

/**
 * What housing.njk shows: where they live, moves, tenancies with their concerns, the plan, OC3
 * records, and each form's choices (filled in again from a refused form's `values`).
 */
export function housingPageView(
  pathway: HousingPathwayRead,
  options: HousingOptionView[],
  summary: CaseSummary,
  values: Record<string, string>,
  roles: AuthenticatedUser['roles'],
  careLeaverByHistory: boolean,
) {
  return {
    current: pathway.current
      ? {
          where:
            ACCOMMODATION_WORDS[pathway.current.accommodation] ?? pathway.current.accommodation,
          since: ukDate(pathway.current.on),
          description: pathway.current.description,
        }
      : null,
    moves: [...pathway.accommodations].reverse().map((a) => ({
      on: ukDate(a.on),
      where: ACCOMMODATION_WORDS[a.accommodation] ?? a.accommodation,
      description: a.description,
      reason: a.reason,
      planned: a.planned,
    })),
    tenancies: pathway.tenancies.map((t) => ({
      ...t,
      landlord: LANDLORD_WORDS[t.landlordType] ?? t.landlordType,
      since: ukDate(t.start),
      endedOn: t.ended ? ukDate(t.ended.on) : null,
      rent: pounds(t.weeklyRent),
      concerns: t.openConcerns.map((c) => ({
        ...c,
        owed: c.arrears ? pounds(c.arrears) : null,
        what: CONCERN_WORDS[c.concern] ?? c.concern,
        since: ukDate(c.on),
      })),
    })),
    // One tenancy at a time: a new one is recorded once the last has ended.
    mayStartTenancy: pathway.tenancies.every((t) => t.ended),
    mayWrite: summary.status === 'accepted' && scopeFor(roles, 'housing:write') !== null,
    where: [
      ...options
        .filter((o) => !o.suspended && o.vacancies > 0)
        .map((o) => ({
          value: `option:${o.optionId}`,
          text: o.name,
          hint: {
            text: `${KIND_WORDS[o.kind as keyof typeof KIND_WORDS] ?? o.kind}, ${o.vacancies} free, ages ${o.ageRange.min} to ${o.ageRange.max}`,
          },
          checked: values.where === `option:${o.optionId}`,
        })),
      ...(options.length ? [{ divider: 'or' }] : []),
      {
        value: 'other',
        text: 'Somewhere else',
        checked: values.where === 'other',
        conditional: true,
      },
    ],
    kinds: [
      { value: '', text: 'Choose a kind of place' },
      ...ACCOMMODATION_TYPES.map((a) => ({
        value: a,
        text: ACCOMMODATION_WORDS[a],
        selected: values.accommodation === a,
      })),
    ],
    landlords: LANDLORD_TYPES.map((l) => ({
      value: l,
      text: LANDLORD_WORDS[l],
      checked: values.landlordType === l,
    })),
    failed: values.tenancy ?? null,
    failedForm: values.form ?? null,
    plan: pathway.plan
      ? {
          moves: pathway.plan.targetMoves.map((m) => ({ to: m.to, by: ukDate(m.by) })),
          notes: pathway.plan.notes,
          setOn: ukDate(pathway.plan.setOn),
        }
      : null,
    planRows: PLAN_ROWS.map((i) => ({
      i,
      to: values[`to-${i}`] ?? pathway.plan?.targetMoves[i]?.to ?? '',
      // A failed form's dates come back as typed; otherwise the plan's own.
      by: dateBoxes(values, `by-${i}`, pathway.plan?.targetMoves[i]?.by),
    })),
    planNotes: values.notes ?? pathway.plan?.notes ?? '',
    // The concern chosen on a failed form, and the same list unchosen for the other tenancies.
    concernKinds: concernOptions(values.concern),
    concernChoices: concernOptions(undefined),
    records: pathway.careLeaverRecords.map((r) => ({
      age: r.age,
      birthday: ukDate(r.birthday),
      inTouch: CODE_WORDS.IN_TOUCH?.[r.inTouch] ?? r.inTouch,
      activ: codeText('ACTIV', r.activ),
      accom: codeText('ACCOM', r.accom),
    })),
    careLeaver: summary.category === 'care_leaver' || careLeaverByHistory,
    oc3: {
      ...oc3Due(summary.youngPerson.dateOfBirth, pathway.careLeaverRecords, values.age),
      inTouch: codeOptions('IN_TOUCH').map((o) => ({
        value: o.value,
        // A radio reads as words; the return's code stays in the value.
        text: CODE_WORDS.IN_TOUCH?.[o.value] ?? o.value,
        checked: values.inTouch === o.value,
      })),
      activ: [
        { value: '', text: 'Choose their main activity' },
        ...codeOptions('ACTIV').map((o) => ({ ...o, selected: values.activ === o.value })),
      ],
      accom: [
        { value: '', text: 'Choose where they live' },
        ...codeOptions('ACCOM').map((o) => ({ ...o, selected: values.accom === o.value })),
      ],
    },
  };
}

function concernOptions(chosen: string | undefined) {
  return [
    { value: '', text: 'Choose a concern' },
    ...TENANCY_CONCERNS.map((k) => ({ value: k, text: CONCERN_WORDS[k], selected: chosen === k })),
  ];
}

/**
 * The OC3 records that can be made today (each birthday's window, not yet recorded), and when
 * the next one opens.
 */
function oc3Due(dateOfBirth: string, made: { age: number }[], chosen: string | undefined) {
  const today = new Date().toISOString().slice(0, 10);
  const open = [17, 18, 19, 20, 21]
    .filter((age) => !made.some((r) => r.age === age))
    .map((age) => ({ age, ...oc3Window(dateOfBirth, age) }));
  const next = open.find((w) => w.from > today);
  return {
    ages: open
      .filter((w) => w.from <= today && today <= w.to)
      .map((w) => ({
        value: String(w.age),
        text: `${w.age}th birthday`,
        hint: { text: `${ukDate(w.birthday)}, recorded until ${ukDate(w.to)}` },
        checked: chosen === String(w.age),
      })),
    next: next ? { age: next.age, from: ukDate(next.from), birthday: ukDate(next.birthday) } : null,
  };
}

/** "£95.50", "£190". */
function pounds(amount: number) {
  return `£${Number.isInteger(amount) ? amount : amount.toFixed(2)}`;
}

/** A code as "E1: Supported lodgings, suitable". */
function codeText(list: 'ACTIV' | 'ACCOM', code: string) {
  return codeOptions(list).find((o) => o.value === code)?.text ?? code;
}

/** A date input's three boxes: as typed on a failed form, or from a stored date. */
function dateBoxes(values: Record<string, string>, prefix: string, stored?: string) {
  if (values[`${prefix}-day`] !== undefined || values[`${prefix}-year`] !== undefined)
    return {
      day: values[`${prefix}-day`] ?? '',
      month: values[`${prefix}-month`] ?? '',
      year: values[`${prefix}-year`] ?? '',
    };
  const [year = '', month = '', day = ''] = stored ? stored.split('-') : [];
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}
