import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from './event-sourced-commands.js';
import type { RequestContext } from './request-context.js';

/**
 * A Nest command that carries its decider's input, already mapped from the request. The handler
 * adds only what it learns when it runs: the time the request was received, and facts it reads
 * from other streams (a caseload, the case's status). Each command builds itself from a request
 * with a static `from`, so an API route and a page's form map the same request the same way.
 */
export abstract class DecisionCommand<I, R = CommandOutcome> extends Command<R> {
  constructor(
    readonly input: I,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

/** A decider's input less the time received (`now`) and the `Added` facts the handler looks up. */
export type DecisionInput<C, Added extends keyof C = never> = Omit<C, 'now' | Added>;
