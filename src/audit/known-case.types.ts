import type { HousingOptionEvent, HousingPathwayEvent } from '../housing/index.js';
import type { CommunityFamilyEvent } from '../hub-placements/index.js';
import type { HubEvent } from '../hub-placements/index.js';
import type { ContactDetails, OutreachEvent } from '../outreach/index.js';
import type { YoungPersonEvent } from '../young-people/index.js';
import type { CaseSummary } from '../young-people/index.js';
import type { YoungPersonCase } from '../young-people/index.js';

/** The shapes of a case as the log knew it (folded in known-case.ts). */

export type Person = { name: string; relationship?: string; role?: string; thirdParty: boolean };

export interface KnownContact extends ContactDetails {
  contactId: string;
  worker: { id: string; name: string };
  recordedAt: string;
  lateRecorded: boolean;
  amendments: {
    at: string;
    by: { id: string; name: string };
    reason: string;
    previous: Partial<ContactDetails>;
  }[];
}

export interface KnownPlacement {
  kind: 'hub_bed' | 'community_family';
  hubId: string;
  bedId: string | null;
  familyId: string | null;
  emergency: boolean;
  from: string;
  to: string | null;
  legalStatus: string;
  placementType: string;
  endReason: string | null;
}

/** A case as the log knew it: every module's view, folded from the events about the person. */
export interface KnownCase {
  youngPersonId: string;
  summary: CaseSummary | null;
  /** The 75th birthday: looked-after children's records are kept until then. */
  retentionDate: string | null;
  placements: KnownPlacement[];
  contacts: KnownContact[];
  missingEpisodes: {
    episodeId: string;
    category: string;
    startedAt: string;
    policeReference: string | null;
    updates: { at: string; note: string }[];
    returnedAt: string | null;
    whereFound: string | null;
    interviewDueBy: string | null;
    interview: { outcome: string; at: string; by: string | null }[];
  }[];
  incidents: {
    incidentId: string;
    kind: string;
    occurredAt: string;
    summary: string;
    involved: Person[];
    notify: string[];
    notified: { recipient: string; at: string; method: string }[];
  }[];
  housing: {
    accommodations: {
      on: string;
      accommodation: string;
      description: string;
      reason: string;
      planned: boolean;
    }[];
    plan: { targetMoves: { to: string; by: string }[]; notes: string; setOn: string } | null;
    tenancies: {
      tenancyId: string;
      landlordType: string;
      start: string;
      address: string;
      concerns: string[];
      endedOn: string | null;
    }[];
    careLeaverRecords: {
      age: number;
      inTouch: string;
      activ: string | null;
      accom: string | null;
    }[];
  };
}

/** A builder's state as JSON: Maps as entry lists. */
export interface BuilderSnapshot {
  case: YoungPersonCase;
  revision: number;
  placements: KnownPlacement[];
  contacts: [string, KnownContact][];
  episodes: [string, KnownCase['missingEpisodes'][number]][];
  incidents: [string, KnownCase['incidents'][number]][];
  housing: KnownCase['housing'];
}

/** Every event the whole-case fold reads. */
export type AnyEvent =
  | YoungPersonEvent
  | HubEvent
  | CommunityFamilyEvent
  | OutreachEvent
  | HousingOptionEvent
  | HousingPathwayEvent;
