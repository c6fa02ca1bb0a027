import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, toInstant, type CommandOutcome, type RequestContext } from '#platform';
import { OutreachWriter, person } from '../outreach-writer.js';

type Outcome<T = object> = CommandOutcome & T;
import { amendContact, logContact } from './contacts.decide.js';
import type { AmendContactRequest, LogContactRequest } from './contacts.dto.js';
import type { ContactDetails } from '../outreach.events.js';

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
        lateAfterHours: this.writer.settings.lateRecordingHours,
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

export const contactHandlers = [LogContactHandler, AmendContactHandler];
