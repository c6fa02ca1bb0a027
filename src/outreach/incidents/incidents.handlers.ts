import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, toInstant, type CommandOutcome, type RequestContext } from '#platform';
import { OutreachWriter, person } from '../outreach-writer.js';

type Outcome<T = object> = CommandOutcome & T;
import { recordIncident, recordNotification } from './incidents.decide.js';
import type { RecordIncidentRequest, RecordNotificationRequest } from './incidents.dto.js';

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

export const incidentHandlers = [RecordIncidentHandler, RecordNotificationHandler];
