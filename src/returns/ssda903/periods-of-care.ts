import { birthdayAt } from '#kernel';
import type { Spell } from './child-facts.js';

/**
 * Spells of care as the return's episodes and periods of care, and who they make a care leaver.
 * Pure.
 */

/** The reason for a new episode, from what changed between two episodes that meet. */
export function reasonForNewEpisode(prev: Spell, next: Spell): 'L' | 'P' | 'T' | 'U' | 'B' | null {
  const legal = prev.ls !== next.ls;
  const carers = prev.carer !== next.carer;
  const placement =
    carers ||
    prev.place !== next.place ||
    prev.provider !== next.provider ||
    prev.postcode !== next.postcode;
  if (legal && carers) return 'T';
  if (legal && placement) return 'U';
  if (legal) return 'L';
  if (carers) return 'P';
  if (placement) return 'B';
  return null;
}

export interface EpisodeRow {
  spell: Spell;
  start: string;
  end: string | null;
  rne: string;
  rec: string | null;
  reasonPlaceChange: string | null;
}

/**
 * A young person's episodes over their whole time in care, from the placements: a stay of under
 * 24 hours is not an episode; two that meet on a day are one period of care (the earlier ends X1
 * with the reason the placement changed, the later says what changed); two with days between are
 * two periods (the earlier must end with an E code, the later starts S).
 */
export function episodesOf(spells: readonly Spell[]): EpisodeRow[] {
  const rows: EpisodeRow[] = [];
  for (const spell of spells) {
    const prev = rows.at(-1);
    if (spell.end !== null && spell.end <= spell.start) {
      // Under 24 hours: no episode. If it met the one before, how it ended is how that one ends.
      if (prev && prev.end === spell.start) {
        prev.end = spell.end;
        prev.rec = spell.rec;
        prev.spell = { ...prev.spell, reasonAtEnd: spell.reasonAtEnd ?? prev.spell.reasonAtEnd };
      }
      continue;
    }
    if (prev && prev.end === spell.start) {
      const rne = reasonForNewEpisode(prev.spell, spell);
      if (rne === null) {
        // Nothing the return records changed: the same episode goes on.
        prev.end = spell.end;
        prev.rec = spell.rec;
        prev.spell = { ...spell, start: prev.start };
        continue;
      }
      prev.rec = 'X1';
      prev.reasonPlaceChange =
        rne === 'L' ? null : (prev.spell.reasonAtEnd ?? spell.reasonAtStart ?? null);
      rows.push({
        spell,
        start: spell.start,
        end: spell.end,
        rne,
        rec: spell.rec,
        reasonPlaceChange: null,
      });
      continue;
    }
    rows.push({
      spell,
      start: spell.start,
      end: spell.end,
      rne: 'S',
      rec: spell.rec,
      reasonPlaceChange: null,
    });
  }
  return rows;
}

/** What the care leaver rules read of an episode: when it ran and how it ended. */
export type CareSpan = Pick<EpisodeRow, 'start' | 'end' | 'rec'>;

export const lookedAfterOn = (rows: readonly CareSpan[], day: string) =>
  rows.some((r) => r.start <= day && (r.end === null || r.end > day));

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS));

/** Reasons care ended that take someone out of the OC3 cohort: adopted, died, moved away. */
const LEFT_THE_COHORT = new Set(['E11', 'E12', 'E2', 'E3', 'E16']);

/**
 * Whether someone is a relevant or former relevant child on a birthday, from the care the case
 * holds: at least 13 weeks looked after since their 14th birthday, some of it after their 16th,
 * and care not ended by adoption, death or a move away.
 */
export function careLeaverOn(rows: readonly CareSpan[], dob: string, day: string): boolean {
  const fourteen = birthdayAt(dob, 14);
  const sixteen = birthdayAt(dob, 16);
  let days = 0;
  let after16 = false;
  for (const r of rows) {
    const from = r.start > fourteen ? r.start : fourteen;
    const to = r.end === null || r.end > day ? day : r.end;
    if (to > from) days += daysBetween(from, to);
    if ((r.end === null || r.end > sixteen) && r.start < day) after16 = true;
  }
  const last = rows.filter((r) => r.start < day).at(-1);
  if (last?.rec && LEFT_THE_COHORT.has(last.rec)) return false;
  return days >= 91 && after16;
}

/** Owed an OC3 record on a birthday: a care leaver by the care the case holds, and not looked after that day. */
export const oc3DueOn = (rows: readonly CareSpan[], dob: string, day: string) =>
  !lookedAfterOn(rows, day) && careLeaverOn(rows, dob, day);
