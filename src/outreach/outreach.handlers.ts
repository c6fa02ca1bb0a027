import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  newId,
  toInstant,
  type CommandOutcome,
  type RequestContext,
} from '../../libs/platform/src/index.js';
import { amendContact, logContact } from './contacts/contacts.decide.js';
import type { AmendContactRequest, LogContactRequest } from './contacts/contacts.dto.js';
import { recordIncident, recordNotification } from './incidents/incidents.decide.js';
import type {
  RecordIncidentRequest,
  RecordNotificationRequest,
} from './incidents/incidents.dto.js';
import {
  recordInterview,
  recordReturn,
  reportMissing,
  updateMissing,
} from './missing/missing.decide.js';
import type {
  RecordInterviewRequest,
  RecordReturnRequest,
  ReportMissingRequest,
  UpdateMissingRequest,
} from './missing/missing.dto.js';
import type { ContactDetails } from './outreach.events.js';
import { OutreachWriter, person } from './outreach-writer.js';

type Outcome<T = object> = CommandOutcome & T;

export class LogContactCommand extends Command<Outcome<{ contactId: string }>> {
  constructor(
    readonly youngPersonId: string,
    readonly request: LogContactRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class AmendContactCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly contactId: string,
    readonly request: AmendContactRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class ReportMissingCommand extends Command<Outcome<{ episodeId: string }>> {
  constructor(
    readonly youngPersonId: string,
    readonly request: ReportMissingRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class UpdateMissingCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly episodeId: string,
    readonly request: UpdateMissingRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class RecordReturnCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly episodeId: string,
    readonly request: RecordReturnRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class RecordInterviewCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly episodeId: string,
    readonly request: RecordInterviewRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class RecordIncidentCommand extends Command<Outcome<{ incidentId: string }>> {
  constructor(
    readonly youngPersonId: string,
    readonly request: RecordIncidentRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
export class RecordNotificationCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly incidentId: string,
    readonly request: RecordNotificationRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

/** A contact as the log stores it: instants in UTC, absent lists empty, others present third parties. */
function details(r: LogContactRequest): ContactDetails {
  return {
    occurredAt: toInstant(r.occurredAt),
    kind: r.kind,
    location: r.location ?? null,
    durationMinutes: r.durationMinutes ?? null,
    present: (r.present ?? []).map((p) => ({
      name: p.name,
      relationship: p.relationship,
      thirdParty: p.thirdParty ?? true,
    })),
    notes: r.notes,
    portfolioAreas: r.portfolioAreas ?? [],
    followUps: (r.followUps ?? []).map((f) => ({ action: f.action, due: f.due })),
  };
}

@CommandHandler(LogContactCommand)
export class LogContactHandler implements ICommandHandler<LogContactCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  async execute({ youngPersonId, request, ctx }: LogContactCommand) {
    const contactId = newId(ctx, 'contact');
    const contact = details(request);
    const outcome = await this.writer.write({
      youngPersonId,
      decider: logContact,
      command: (snapshot) => ({
        ...snapshot,
        contactId,
        youngPersonId,
        worker: person(ctx),
        details: contact,
        now: ctx.now,
        lateAfterHours: this.writer.config.lateRecordingHours,
      }),
      ctx,
      occurredAt: contact.occurredAt,
    });
    return { ...outcome, contactId };
  }
}

@CommandHandler(AmendContactCommand)
export class AmendContactHandler implements ICommandHandler<AmendContactCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ youngPersonId, contactId, request, ctx }: AmendContactCommand) {
    const { reason, ...fields } = request;
    const full = details({ notes: '', kind: 'phone', occurredAt: ctx.now, ...fields });
    // Only what the request names is a change; `details` filled the rest with placeholders.
    const changes = Object.fromEntries(
      Object.keys(fields)
        .filter((k) => (fields as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, full[k as keyof ContactDetails]]),
    ) as Partial<ContactDetails>;
    return this.writer.write({
      youngPersonId,
      decider: amendContact,
      command: (snapshot) => ({
        ...snapshot,
        contactId,
        youngPersonId,
        changes,
        reason,
        by: person(ctx),
        now: ctx.now,
      }),
      ctx,
    });
  }
}

@CommandHandler(ReportMissingCommand)
export class ReportMissingHandler implements ICommandHandler<ReportMissingCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  async execute({ youngPersonId, request, ctx }: ReportMissingCommand) {
    const episodeId = newId(ctx, 'missing-episode');
    const startedAt = toInstant(request.startedAt);
    const outcome = await this.writer.write({
      youngPersonId,
      decider: reportMissing,
      command: (snapshot) => ({
        ...snapshot,
        episodeId,
        youngPersonId,
        category: request.category,
        startedAt,
        policeInformed: request.policeInformed,
        policeReference: request.policeReference ?? null,
        circumstances: request.circumstances,
        by: person(ctx),
        now: ctx.now,
      }),
      ctx,
      occurredAt: startedAt,
    });
    return { ...outcome, episodeId };
  }
}

@CommandHandler(UpdateMissingCommand)
export class UpdateMissingHandler implements ICommandHandler<UpdateMissingCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ youngPersonId, episodeId, request, ctx }: UpdateMissingCommand) {
    return this.writer.write({
      youngPersonId,
      decider: updateMissing,
      command: (snapshot) => ({
        ...snapshot,
        episodeId,
        youngPersonId,
        note: request.note,
        policeReference: request.policeReference ?? null,
        now: ctx.now,
      }),
      ctx,
    });
  }
}

@CommandHandler(RecordReturnCommand)
export class RecordReturnHandler implements ICommandHandler<RecordReturnCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ youngPersonId, episodeId, request, ctx }: RecordReturnCommand) {
    const returnedAt = toInstant(request.returnedAt);
    return this.writer.write({
      youngPersonId,
      decider: recordReturn,
      command: (snapshot) => ({
        ...snapshot,
        episodeId,
        youngPersonId,
        returnedAt,
        whereFound: request.whereFound,
        windowHours: this.writer.config.returnInterviewWindowHours,
        now: ctx.now,
      }),
      ctx,
      occurredAt: returnedAt,
    });
  }
}

@CommandHandler(RecordInterviewCommand)
export class RecordInterviewHandler implements ICommandHandler<RecordInterviewCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ youngPersonId, episodeId, request, ctx }: RecordInterviewCommand) {
    const at = toInstant(request.at);
    return this.writer.write({
      youngPersonId,
      decider: recordInterview,
      command: (snapshot) => ({
        ...snapshot,
        episodeId,
        youngPersonId,
        outcome: request.outcome,
        at,
        by: request.by ?? null,
        notes: request.notes ?? null,
        now: ctx.now,
      }),
      ctx,
      occurredAt: at,
    });
  }
}

@CommandHandler(RecordIncidentCommand)
export class RecordIncidentHandler implements ICommandHandler<RecordIncidentCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  async execute({ youngPersonId, request, ctx }: RecordIncidentCommand) {
    const incidentId = newId(ctx, 'incident');
    const occurredAt = toInstant(request.occurredAt);
    const outcome = await this.writer.write({
      youngPersonId,
      decider: recordIncident,
      command: (snapshot) => ({
        ...snapshot,
        incidentId,
        youngPersonId,
        kind: request.kind,
        occurredAt,
        summary: request.summary,
        serious: request.serious ?? false,
        involved: (request.involved ?? []).map((p) => ({
          name: p.name,
          role: p.role,
          thirdParty: p.thirdParty ?? true,
        })),
        by: person(ctx),
        now: ctx.now,
      }),
      ctx,
      occurredAt,
    });
    return { ...outcome, incidentId };
  }
}

@CommandHandler(RecordNotificationCommand)
export class RecordNotificationHandler implements ICommandHandler<RecordNotificationCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ youngPersonId, incidentId, request, ctx }: RecordNotificationCommand) {
    const notifiedAt = toInstant(request.notifiedAt);
    return this.writer.write({
      youngPersonId,
      decider: recordNotification,
      command: (snapshot) => ({
        ...snapshot,
        incidentId,
        youngPersonId,
        recipient: request.recipient,
        notifiedAt,
        method: request.method,
        reference: request.reference ?? null,
        by: person(ctx),
        now: ctx.now,
      }),
      ctx,
      occurredAt: notifiedAt,
    });
  }
}

export const outreachHandlers = [
  LogContactHandler,
  AmendContactHandler,
  ReportMissingHandler,
  UpdateMissingHandler,
  RecordReturnHandler,
  RecordInterviewHandler,
  RecordIncidentHandler,
  RecordNotificationHandler,
];
