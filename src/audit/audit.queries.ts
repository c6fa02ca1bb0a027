import { Inject } from '@nestjs/common';
import { CaseDirectory } from '../young-people/index.js';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { DomainError } from '#kernel';
import { CaseHistory, type AsOf, type Reflects } from './case-history.js';
import { chronologyOf, type ChronologyEntry, type Module } from './chronology.js';
import { fieldHistory, isField, type FieldChange } from './field-history.js';
import { foldKnownCase } from './known-case.js';
import type { KnownCase } from './known-case.types.js';
import {
  recordDocument,
  redactThirdParties,
  renderRecord,
  type RecordDocument,
} from './subject-access-record.js';
import { OUTREACH_SETTINGS, type OutreachSettings } from '../outreach/index.js';

export class GetCaseAsOf extends Query<{ reflects: Reflects; case: KnownCase }> {
  constructor(
    readonly youngPersonId: string,
    readonly at: AsOf,
  ) {
    super();
  }
}

@QueryHandler(GetCaseAsOf)
export class GetCaseAsOfHandler implements IQueryHandler<GetCaseAsOf> {
  constructor(private readonly history: CaseHistory) {}
  async execute({ youngPersonId, at }: GetCaseAsOf) {
    const { known, reflects } = await this.history.fold(youngPersonId, at);
    return { reflects, case: known };
  }
}

export class GetChronology extends Query<{
  youngPersonId: string;
  reflects: Reflects;
  entries: ChronologyEntry[];
}> {
  constructor(
    readonly youngPersonId: string,
    readonly at: AsOf,
    readonly filter: { module?: Module; kind?: string; from?: string; to?: string; by?: string },
  ) {
    super();
  }
}

@QueryHandler(GetChronology)
export class GetChronologyHandler implements IQueryHandler<GetChronology> {
  constructor(
    private readonly history: CaseHistory,
    @Inject(OUTREACH_SETTINGS) private readonly outreach: OutreachSettings,
  ) {}
  async execute({ youngPersonId, at, filter }: GetChronology) {
    const { events, reflects } = await this.history.events(youngPersonId, at);
    const norm = (v?: string) => (v ? new Date(v).toISOString() : undefined);
    return {
      youngPersonId,
      reflects,
      entries: chronologyOf(events, this.outreach.lateRecordingHours, {
        ...filter,
        from: norm(filter.from),
        to: norm(filter.to),
      }),
    };
  }
}

export class GetFieldHistory extends Query<{
  youngPersonId: string;
  field: string;
  reflects: Reflects;
  changes: FieldChange[];
}> {
  constructor(
    readonly youngPersonId: string,
    readonly field: string,
    readonly at: AsOf,
  ) {
    super();
  }
}

@QueryHandler(GetFieldHistory)
export class GetFieldHistoryHandler implements IQueryHandler<GetFieldHistory> {
  constructor(private readonly history: CaseHistory) {}
  async execute({ youngPersonId, field, at }: GetFieldHistory) {
    if (!isField(field)) {
      throw new DomainError('AUDIT.UNKNOWN_FIELD', `no field ${field}`, 400, 'field');
    }
    const { events, reflects } = await this.history.events(youngPersonId, at);
    return { youngPersonId, field, reflects, changes: fieldHistory(youngPersonId, events, field) };
  }
}

export class GetSubjectAccessRecord extends Query<{
  json: object;
  html: string;
  document: RecordDocument;
}> {
  constructor(
    readonly youngPersonId: string,
    readonly now: string,
    /** Who produced it (named on the record); null for the API's older callers. */
    readonly by: string | null = null,
    /** Where the same record is as a PDF, for the page's link. */
    readonly pdfHref?: string,
  ) {
    super();
  }
}

/** The whole record for the young person: chronology first, third parties withheld. */
@QueryHandler(GetSubjectAccessRecord)
export class GetSubjectAccessRecordHandler implements IQueryHandler<GetSubjectAccessRecord> {
  constructor(
    private readonly history: CaseHistory,
    @Inject(OUTREACH_SETTINGS) private readonly outreach: OutreachSettings,
  ) {}
  async execute({ youngPersonId, now, by, pdfHref }: GetSubjectAccessRecord) {
    const { events } = await this.history.events(youngPersonId);
    const known = redactThirdParties(foldKnownCase(youngPersonId, events));
    const chronology = chronologyOf(events, this.outreach.lateRecordingHours);
    const document = recordDocument(known, chronology, { at: now, by });
    return {
      json: { youngPersonId, producedAt: now, chronology, record: known },
      html: renderRecord(document, pdfHref),
      document,
    };
  }
}

export interface RetentionEntry {
  youngPersonId: string;
  hubId: string;
  youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
  retentionDate: string;
}

export class GetRetentionReport extends Query<{ asOn: string; pastRetention: RetentionEntry[] }> {}

/** Cases past their retention date (the 75th birthday). Nothing is deleted automatically. */
@QueryHandler(GetRetentionReport)
export class GetRetentionReportHandler implements IQueryHandler<GetRetentionReport> {
  constructor(private readonly cases: CaseDirectory) {}
  async execute() {
    const past = await this.cases.pastRetention();
    return {
      asOn: new Date().toISOString().slice(0, 10),
      pastRetention: past.map((c) => ({
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        youngPerson: {
          givenName: c.givenName,
          familyName: c.familyName,
          dateOfBirth: c.dateOfBirth,
        },
        retentionDate: c.retention,
      })),
    };
  }
}

export const VERIFICATION_STREAM = 'integrity-verifications';

export class GetLatestVerification extends Query<object | null> {}

/** The result `nwd verify` last recorded in the log. */
@QueryHandler(GetLatestVerification)
export class GetLatestVerificationHandler implements IQueryHandler<GetLatestVerification> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async execute() {
    const events = await this.store.readStream(VERIFICATION_STREAM);
    const last = events[events.length - 1];
    return last ? { ...last.data, recordedAt: last.recordedAt } : null;
  }
}
