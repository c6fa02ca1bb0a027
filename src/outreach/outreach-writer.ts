import { Inject, Injectable } from '@nestjs/common';
import {
  EventSourcedCommands,
  type CommandOutcome,
  type DecisionInput,
  type RequestContext,
} from '#platform';
import { type Decider } from '#kernel';
import { CASE_FACTS, type CaseFactsSource } from '../access/index.js';
import type { OutreachEvent } from './outreach.events.js';
import { outreachStreamId } from './outreach.events.js';
import type { CaseSnapshot, OutreachRecord } from './outreach-record.state.js';
import { OUTREACH_SETTINGS, type OutreachSettings } from './outreach.settings.js';

/** An outreach decider's input less the case snapshot, the time and the `Added` settings. */
export type OutreachInput<C extends CaseSnapshot, Added extends keyof C = never> = DecisionInput<
  C,
  keyof CaseSnapshot | Added
>;

/**
 * Every outreach write: learn the case's status and hub from its own stream, then run the decider
 * on the young person's outreach stream. `occurredAt` says when it happened in the world (the
 * event's metadata), which may be long before it was recorded.
 */
@Injectable()
export class OutreachWriter {
  constructor(
    private readonly commands: EventSourcedCommands,
    @Inject(CASE_FACTS) private readonly facts: CaseFactsSource,
    @Inject(OUTREACH_SETTINGS) readonly settings: OutreachSettings,
  ) {}

  async write<C>(args: {
    youngPersonId: string;
    decider: Decider<C, OutreachEvent, OutreachRecord>;
    command: (snapshot: CaseSnapshot) => C;
    ctx: RequestContext;
    occurredAt?: string;
  }): Promise<CommandOutcome> {
    const facts = await this.facts.find(args.youngPersonId, args.ctx.memo);
    const snapshot: CaseSnapshot = {
      caseStatus: facts?.status ?? 'none',
      hubId: facts?.hubId ?? '',
    };
    return this.commands.execute({
      streamId: outreachStreamId(args.youngPersonId),
      decider: args.decider,
      command: args.command(snapshot),
      ctx: args.ctx,
      occurredAt: args.occurredAt,
    });
  }
}

export const person = (ctx: RequestContext) => ({
  id: ctx.actor.id,
  name: ctx.actor.name ?? ctx.actor.id,
});
