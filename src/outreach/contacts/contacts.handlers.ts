import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  newId,
  toInstant,
  type CommandOutcome,
  type RequestContext,
} from '#platform';
import { OutreachWriter, person, type OutreachInput } from '../outreach-writer.js';
import { amendContact, logContact, type AmendContact, type LogContact } from './contacts.decide.js';
import type { AmendContactRequest, LogContactRequest } from './contacts.dto.js';
import type { ContactDetails } from '../outreach.events.js';

type Outcome<T = object> = CommandOutcome & T;

export class LogContactCommand extends DecisionCommand<
  OutreachInput<LogContact, 'lateAfterHours'>,
  Outcome<{ contactId: string }>
> {
  static from(youngPersonId: string, r: LogContactRequest, ctx: RequestContext) {
    return new LogContactCommand(
      { contactId: newId(ctx, 'contact'), youngPersonId, worker: person(ctx), details: details(r) },
      ctx,
    );
  }
}

export class AmendContactCommand extends DecisionCommand<OutreachInput<AmendContact>> {
  static from(
    youngPersonId: string,
    contactId: string,
    r: AmendContactRequest,
    ctx: RequestContext,
  ) {
    const { reason, version, ...fields } = r;
    const full = details({ notes: '', kind: 'phone', occurredAt: ctx.now, ...fields });
    // Only what the request names is a change; `details` filled the rest with placeholders.
    const changes = Object.fromEntries(
      Object.keys(fields)
        .filter((k) => (fields as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, full[k as keyof ContactDetails]]),
    ) as Partial<ContactDetails>;
    return new AmendContactCommand(
      { contactId, youngPersonId, changes, reason, by: person(ctx), basedOn: version ?? null },
      ctx,
    );
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
  async execute({ input, ctx }: LogContactCommand) {
    const outcome = await this.writer.write({
      youngPersonId: input.youngPersonId,
      decider: logContact,
      command: (snapshot) => ({
        ...snapshot,
        ...input,
        now: ctx.now,
        lateAfterHours: this.writer.settings.lateRecordingHours,
      }),
      ctx,
      occurredAt: input.details.occurredAt,
    });
    return { ...outcome, contactId: input.contactId };
  }
}

@CommandHandler(AmendContactCommand)
export class AmendContactHandler implements ICommandHandler<AmendContactCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ input, ctx }: AmendContactCommand) {
    return this.writer.write({
      youngPersonId: input.youngPersonId,
      decider: amendContact,
      command: (snapshot) => ({ ...snapshot, ...input, now: ctx.now }),
      ctx,
    });
  }
}

export const contactHandlers = [LogContactHandler, AmendContactHandler];
