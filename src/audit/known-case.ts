import type { StoredEvent } from '#event-store';
import { toCaseSummary } from '../young-people/index.js';
import type { YoungPersonEvent } from '../young-people/index.js';
import type {
  AnyEvent,
  BuilderSnapshot,
  KnownCase,
  KnownContact,
  KnownPlacement,
} from './known-case.types.js';
import { evolveCase, initialCase, type YoungPersonCase } from '../young-people/index.js';

const addYears = (date: string, years: number) =>
  `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** Folds events one at a time (so field history can look after each one). */
export class KnownCaseBuilder {
  private case: YoungPersonCase = initialCase();
  private revision = -1;
  readonly placements: KnownPlacement[] = [];
  readonly contacts = new Map<string, KnownContact>();
  readonly episodes = new Map<string, KnownCase['missingEpisodes'][number]>();
  readonly incidents = new Map<string, KnownCase['incidents'][number]>();
  readonly housing: KnownCase['housing'] = {
    accommodations: [],
    plan: null,
    tenancies: [],
    careLeaverRecords: [],
  };

  constructor(readonly youngPersonId: string) {}

  apply(stored: StoredEvent): void {
    const e = stored as unknown as AnyEvent;
    if (stored.streamId === `young-person-${this.youngPersonId}`) {
      this.case = evolveCase(this.case, e as YoungPersonEvent);
      this.revision = stored.revision;
      return;
    }
    switch (e.type) {
      case 'YoungPersonAdmitted':
        this.placements.push({
          kind: 'hub_bed',
          hubId: e.data.hubId,
          bedId: e.data.bedId,
          familyId: null,
          emergency: e.data.emergency,
          from: e.data.from,
          to: null,
          legalStatus: e.data.episode.ls,
          placementType: e.data.episode.place,
          endReason: null,
        });
        return;
      case 'YoungPersonPlacedWithFamily':
        this.placements.push({
          kind: 'community_family',
          hubId: e.data.hubId,
          bedId: null,
          familyId: e.data.familyId,
          emergency: false,
          from: e.data.from,
          to: null,
          legalStatus: e.data.episode.ls,
          placementType: e.data.episode.place,
          endReason: null,
        });
        return;
      case 'YoungPersonMovedBed': {
        // The same placement, in another bed of the hub.
        const open = [...this.placements].reverse().find((p) => p.to === null);
        if (open) Object.assign(open, { bedId: e.data.toBedId, emergency: e.data.emergency });
        return;
      }
      case 'YoungPersonDischarged':
      case 'FamilyPlacementEnded': {
        const open = [...this.placements].reverse().find((p) => p.to === null);
        if (open) Object.assign(open, { to: e.data.on, endReason: e.data.reason });
        return;
      }
      case 'ContactLogged': {
        const {
          contactId,
          workerId,
          workerName,
          recordedAt,
          lateRecorded,
          youngPersonId: _y,
          hubId: _h,
          ...details
        } = e.data;
        this.contacts.set(contactId, {
          contactId,
          worker: { id: workerId, name: workerName },
          recordedAt,
          lateRecorded,
          ...details,
          amendments: [],
        });
        return;
      }
      case 'ContactAmended': {
        const c = this.contacts.get(e.data.contactId);
        if (c) {
          Object.assign(c, e.data.changes);
          c.amendments.push({
            at: e.data.amendedAt,
            by: e.data.amendedBy,
            reason: e.data.reason,
            previous: e.data.previous,
          });
        }
        return;
      }
      case 'MissingEpisodeReported':
        this.episodes.set(e.data.episodeId, {
          episodeId: e.data.episodeId,
          category: e.data.category,
          startedAt: e.data.startedAt,
          policeReference: e.data.policeReference,
          updates: [],
          returnedAt: null,
          whereFound: null,
          interviewDueBy: null,
          interview: [],
        });
        return;
      case 'MissingEpisodeUpdated': {
        const m = this.episodes.get(e.data.episodeId);
        if (m) {
          m.updates.push({ at: e.data.at, note: e.data.note });
          m.policeReference = e.data.policeReference ?? m.policeReference;
        }
        return;
      }
      case 'YoungPersonReturned': {
        const m = this.episodes.get(e.data.episodeId);
        if (m)
          Object.assign(m, {
            returnedAt: e.data.returnedAt,
            whereFound: e.data.whereFound,
            interviewDueBy: e.data.interviewDueBy,
          });
        return;
      }
      case 'ReturnInterviewRecorded':
        this.episodes
          .get(e.data.episodeId)
          ?.interview.push({ outcome: e.data.outcome, at: e.data.at, by: e.data.by });
        return;
      case 'IncidentRecorded':
        this.incidents.set(e.data.incidentId, {
          incidentId: e.data.incidentId,
          kind: e.data.kind,
          occurredAt: e.data.occurredAt,
          summary: e.data.summary,
          involved: e.data.involved,
          notify: e.data.notify,
          notified: [],
        });
        return;
      case 'Reg40NotificationSent':
        this.incidents.get(e.data.incidentId)?.notified.push({
          recipient: e.data.recipient,
          at: e.data.notifiedAt,
          method: e.data.method,
        });
        return;
      case 'YoungPersonMovedIn':
        this.housing.accommodations.push({
          on: e.data.on,
          accommodation: e.data.kind,
          description: e.data.optionName,
          reason: e.data.reason,
          planned: e.data.planned,
        });
        return;
      case 'AccommodationChanged':
        this.housing.accommodations.push({
          on: e.data.on,
          accommodation: e.data.accommodation,
          description: e.data.description,
          reason: e.data.reason,
          planned: e.data.planned,
        });
        return;
      case 'TenancyStarted':
        this.housing.accommodations.push({
          on: e.data.start,
          accommodation: 'independent_tenancy',
          description: e.data.address,
          reason: 'tenancy started',
          planned: true,
        });
        this.housing.tenancies.push({
          tenancyId: e.data.tenancyId,
          landlordType: e.data.landlordType,
          start: e.data.start,
          address: e.data.address,
          concerns: [],
          endedOn: null,
        });
        return;
      case 'TenancyConcernRecorded':
      case 'TenancyConcernResolved': {
        const t = this.housing.tenancies.find((x) => x.tenancyId === e.data.tenancyId);
        if (t) {
          t.concerns =
            e.type === 'TenancyConcernRecorded'
              ? [...t.concerns, e.data.concern]
              : t.concerns.filter((c) => c !== e.data.concern);
        }
        return;
      }
      case 'TenancyEnded': {
        const t = this.housing.tenancies.find((x) => x.tenancyId === e.data.tenancyId);
        if (t) t.endedOn = e.data.on;
        return;
      }
      case 'AccommodationPlanSet':
        this.housing.plan = {
          targetMoves: e.data.targetMoves,
          notes: e.data.notes,
          setOn: e.data.setOn,
        };
        return;
      case 'CareLeaverRecordMade':
        this.housing.careLeaverRecords.push({
          age: e.data.age,
          inTouch: e.data.inTouch,
          activ: e.data.activ,
          accom: e.data.accom,
        });
        return;
      default:
        return;
    }
  }

  get caseState(): YoungPersonCase {
    return this.case;
  }

  /** Everything folded so far, as plain JSON (for a snapshot of the case). */
  snapshot(): BuilderSnapshot {
    return {
      case: this.case,
      revision: this.revision,
      placements: this.placements,
      contacts: [...this.contacts.entries()],
      episodes: [...this.episodes.entries()],
      incidents: [...this.incidents.entries()],
      housing: this.housing,
    };
  }

  /** A builder that carries on from a snapshot as if it had folded the same events. */
  static restore(youngPersonId: string, s: BuilderSnapshot): KnownCaseBuilder {
    const b = new KnownCaseBuilder(youngPersonId);
    b.case = s.case;
    b.revision = s.revision;
    b.placements.push(...s.placements);
    for (const [k, v] of s.contacts) b.contacts.set(k, v);
    for (const [k, v] of s.episodes) b.episodes.set(k, v);
    for (const [k, v] of s.incidents) b.incidents.set(k, v);
    Object.assign(b.housing, s.housing);
    return b;
  }

  /** The case as folded. It shares objects with the builder: fold, view once, then drop it. */
  view(): KnownCase {
    const summary = this.case.status === 'none' ? null : toCaseSummary(this.case, this.revision);
    const byDate = <T>(items: Iterable<T>, key: (t: T) => string) =>
      [...items].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
    return {
      youngPersonId: this.youngPersonId,
      summary,
      retentionDate: summary ? addYears(summary.youngPerson.dateOfBirth, 75) : null,
      placements: [...this.placements],
      contacts: byDate(this.contacts.values(), (c) => c.occurredAt),
      missingEpisodes: byDate(this.episodes.values(), (m) => m.startedAt),
      incidents: byDate(this.incidents.values(), (i) => i.occurredAt),
      housing: this.housing,
    };
  }
}

export function foldKnownCase(youngPersonId: string, events: readonly StoredEvent[]): KnownCase {
  const builder = new KnownCaseBuilder(youngPersonId);
  for (const e of events) builder.apply(e);
  return builder.view();
}
