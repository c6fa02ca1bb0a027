import { ukDayOf } from '#kernel';
import type { ReturnDetailsRecorded } from '../../young-people/index.js';

/**
 * A young person's events folded into what the SSDA903 return reads: date of birth, the
 * return's details, placements as spells of care (hub beds, community families, placements
 * outside the hub; a legal status change splits a spell), missing episodes on UK days, and OC3
 * records. Pure.
 */

/** An event as the log gives it back (type and data are all the return reads). */
export interface LoggedFact {
  type: string;
  data: Record<string, unknown>;
}

export interface Spell {
  kind: 'bed' | 'family' | 'outside';
  /** A placement outside the hub: the home's own URN, when it has one. */
  urn?: string | null;
  /** In words, for the readiness list. */
  description?: string;
  hubId: string;
  /** Who cares for them: the same carers across a move inside a hub keep the episode. */
  carer: string;
  start: string;
  end: string | null;
  ls: string;
  place: string;
  provider: string | null;
  postcode: string;
  rec: string | null;
  reasonAtStart: string | null;
  reasonAtEnd: string | null;
}

/** What the return reads of the young person's recorded details. */
type ReturnDetails = Omit<ReturnDetailsRecorded['data'], 'youngPersonId' | 'recordedAt'>;

interface EpisodeFacts {
  ls: string;
  place: string;
  placeProvider: string | null;
  reasonPlaceChange: string | null;
  postcode: string;
}

export interface ChildFacts {
  dob: string | null;
  details: ReturnDetails | null;
  spells: Spell[];
  missing: { id: string; category: string; start: string; end: string | null }[];
  oc3: { birthday: string; year: string; inTouch: string; activ: string; accom: string }[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Folds a young person's events into what the return reads. */
export function childFacts(events: readonly LoggedFact[]): ChildFacts {
  const facts: ChildFacts = { dob: null, details: null, spells: [], missing: [], oc3: [] };
  const open = (kind: Spell['kind'], carer: string, d: Record<string, unknown>) => {
    const e = d.episode as EpisodeFacts;
    facts.spells.push({
      kind,
      hubId: String(d.hubId),
      carer,
      start: String(d.from),
      end: null,
      ls: e.ls,
      place: e.place,
      provider: e.placeProvider,
      postcode: e.postcode,
      rec: null,
      reasonAtStart: e.reasonPlaceChange,
      reasonAtEnd: null,
    });
  };
  const close = (kind: Spell['kind'], carer: string, d: Record<string, unknown>) => {
    const spell = facts.spells.findLast((s) => s.kind === kind && s.carer === carer && !s.end);
    if (!spell) return;
    spell.end = String(d.on);
    spell.rec = str(d.rec);
    spell.reasonAtEnd = str(d.reasonPlaceChange);
  };
  for (const { type, data: d } of events) {
    switch (type) {
      case 'ReferralReceived':
        facts.dob ??= (d.youngPerson as { dateOfBirth: string }).dateOfBirth;
        break;
      case 'ReferralDetailsCorrected': {
        const dob = (d.changes as { dateOfBirth?: string }).dateOfBirth;
        if (dob) facts.dob = dob;
        break;
      }
      case 'ReturnDetailsRecorded':
        facts.details = d as unknown as ReturnDetails;
        break;
      case 'YoungPersonAdmitted':
        open('bed', `hub:${String(d.hubId)}`, d);
        break;
      case 'YoungPersonDischarged':
        close('bed', `hub:${String(d.hubId)}`, d);
        break;
      case 'LegalStatusChanged':
      case 'FamilyLegalStatusChanged': {
        // The stay goes on; the return's episode ends that day and another begins (RNE L).
        const [kind, carer]: [Spell['kind'], string] =
          type === 'LegalStatusChanged'
            ? ['bed', `hub:${String(d.hubId)}`]
            : ['family', `family:${String(d.familyId)}`];
        const spell = facts.spells.findLast((x) => x.kind === kind && x.carer === carer && !x.end);
        if (!spell) break;
        const on = String(d.on);
        if (spell.start === on) {
          spell.ls = String(d.ls);
          break;
        }
        spell.end = on;
        facts.spells.push({
          ...spell,
          start: on,
          end: null,
          ls: String(d.ls),
          reasonAtStart: null,
        });
        break;
      }
      case 'YoungPersonPlacedWithFamily':
        open('family', `family:${String(d.familyId)}`, d);
        break;
      case 'FamilyPlacementEnded':
        close('family', `family:${String(d.familyId)}`, d);
        break;
      case 'PlacementOutsideHubRecorded':
        open('outside', `outside:${String(d.placementId)}`, d);
        facts.spells.at(-1)!.urn = str(d.urn);
        facts.spells.at(-1)!.description = String(d.description);
        break;
      case 'PlacementOutsideHubEnded':
        close('outside', `outside:${String(d.placementId)}`, d);
        break;
      case 'MissingEpisodeReported':
        facts.missing.push({
          id: String(d.episodeId),
          category: String(d.category),
          start: ukDayOf(String(d.startedAt)),
          end: null,
        });
        break;
      case 'YoungPersonReturned': {
        const m = facts.missing.find((x) => x.id === d.episodeId);
        if (m) m.end = ukDayOf(String(d.returnedAt));
        break;
      }
      case 'CareLeaverRecordMade':
        facts.oc3.push({
          birthday: String(d.birthday),
          year: String(d.collectionYear),
          inTouch: String(d.inTouch),
          activ: String(d.activ ?? '0'),
          accom: String(d.accom ?? '0'),
        });
        break;
      default:
        break;
    }
  }
  facts.spells.sort((a, b) => a.start.localeCompare(b.start));
  return facts;
}
