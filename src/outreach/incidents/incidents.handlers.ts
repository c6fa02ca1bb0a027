import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DecisionCommand,
  newId,
  toInstant,
  type CommandOutcome,
  type RequestContext,
} from '#platform';
import { OutreachWriter, person, type OutreachInput } from '../outreach-writer.js';
import {
  recordIncident,
  recordNotification,
  type RecordIncident,
  type RecordNotification,
} from './incidents.decide.js';
import type { RecordIncidentRequest, RecordNotificationRequest } from './incidents.dto.js';

type Outcome<T = object> = CommandOutcome & T;

export class RecordIncidentCommand extends DecisionCommand<
  OutreachInput<RecordIncident>,
  Outcome<{ incidentId: string }>
> {
  static from(youngPersonId: string, r: RecordIncidentRequest, ctx: RequestContext) {
    return new RecordIncidentCommand(
      {
        incidentId: newId(ctx, 'incident'),
        youngPersonId,
        kind: r.kind,
        occurredAt: toInstant(r.occurredAt),
        summary: r.summary,
        serious: r.serious ?? false,
        involved: (r.involved ?? []).map((p) => ({
          name: p.name,
          role: p.role,
          thirdParty: p.thirdParty ?? true,
        })),
        by: person(ctx),
      },
      ctx,
    );
  }
}
export class RecordNotificationCommand extends DecisionCommand<OutreachInput<RecordNotification>> {
  static from(
    youngPersonId: string,
    incidentId: string,
    r: RecordNotificationRequest,
    ctx: RequestContext,
  ) {
    return new RecordNotificationCommand(
      {
        incidentId,
        youngPersonId,
        recipient: r.recipient,
        notifiedAt: toInstant(r.notifiedAt),
        method: r.method,
        reference: r.reference ?? null,
        by: person(ctx),
      },
      ctx,
    );
  }
}

@CommandHandler(RecordIncidentCommand)
export class RecordIncidentHandler implements ICommandHandler<RecordIncidentCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  async execute({ input, ctx }: RecordIncidentCommand) {
    const outcome = await this.writer.write({
      youngPersonId: input.youngPersonId,
      decider: recordIncident,
      command: (snapshot) => ({ ...snapshot, ...input, now: ctx.now }),
      ctx,
      occurredAt: input.occurredAt,
    });
    return { ...outcome, incidentId: input.incidentId };
  }
}

@CommandHandler(RecordNotificationCommand)
export class RecordNotificationHandler implements ICommandHandler<RecordNotificationCommand> {
  constructor(private readonly writer: OutreachWriter) {}
  execute({ input, ctx }: RecordNotificationCommand) {
    return this.writer.write({
      youngPersonId: input.youngPersonId,
      decider: recordNotification,
      command: (snapshot) => ({ ...snapshot, ...input, now: ctx.now }),
      ctx,
      occurredAt: input.notifiedAt,
    });
  }
}

export const incidentHandlers = [RecordIncidentHandler, RecordNotificationHandler];
