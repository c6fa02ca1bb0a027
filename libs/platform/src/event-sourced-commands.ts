import { Inject, Injectable } from '@nestjs/common';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '#event-store';
import type { ProjectionRunner } from '#projections';
import type { Decider, DomainEvent } from '#kernel';
import { PreconditionFailedError, ProblemException } from './problem.js';
import { newId, type RequestContext } from './request-context.js';
import { forgetRequestMemo } from './request-memo.js';
import { StreamFolds } from './stream-folds.js';
import { EVENT_STORE, PROJECTION_RUNNER } from './tokens.js';

export interface CommandOutcome extends AppendResult {
  /** True when this was a retry of a request already recorded: nothing new was appended. */
  replayed: boolean;
}

interface IdempotencyRecord {
  key: string;
  requestHash: string;
  eventCount: number;
}

/**
 * Tries at one stream before a conflict reaches the client as 409. Each round of writers racing
 * for a stream lets at least one through, and the losers wait a random moment before deciding
 * again (so they do not meet again at once): a handful of requests creating the same new stream
 * at the same moment all land.
 */
const ATTEMPTS = 10;
/** The longest wait between tries, in ms; after the n-th lost race it is random in [0, 2^n). */
const MAX_BACKOFF_MS = 64;

const backoff = (attempt: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt)),
  );

/** The revision a stream is at after `last` (its newest event), as an append expects it. */
const revisionAfter = (last: StoredEvent | null): number | 'no_stream' =>
  last ? last.revision : 'no_stream';

interface Decision {
  last: StoredEvent | null;
  decided: DomainEvent[];
}

/**
 * Runs a decider against one stream: read, fold, decide, append at the revision read.
 * - `If-Match` pins the revision: a stale one is 412 and nothing is appended.
 * - Without it, a concurrent append is retried after a short random wait (deciding again on
 *   fresh state is safe because deciders are pure); 409 only after `ATTEMPTS` lost races.
 * - An `Idempotency-Key` makes the event ids (and any new ids) derive from the key. The key, the
 *   request hash and the event count travel in the events' metadata, so the record of the
 *   request commits in the same transaction as the events: a retry finds the events and returns
 *   the original outcome; the same key with another body is 422.
 */
@Injectable()
export class EventSourcedCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly folds: StreamFolds,
  ) {}

  async execute<C, E extends DomainEvent, S>(args: {
    streamId: string;
    decider: Decider<C, E, S>;
    command: C;
    ctx: RequestContext;
    /** When it happened in the world; defaults to the command's instant. */
    occurredAt?: string;
    /** Names this append when one request makes several (their ids must differ). */
    step?: string;
  }): Promise<CommandOutcome> {
    const { streamId, decider, command, ctx } = args;
    const step = args.step ? `${args.step}:` : '';
    const replay = await this.recorded(ctx, step, streamId);
    if (replay) return replay;

    for (let attempt = 1; ; attempt++) {
      let decision: Decision;
      try {
        // The stream's state: kept from earlier commands, with any newer events folded in.
        decision = await this.folds.withState<E, S, Decision>(streamId, decider, (state, last) => {
          const revision = revisionAfter(last);
          if (ctx.ifMatch !== null && ctx.ifMatch !== revision) {
            throw new PreconditionFailedError(`"${ctx.ifMatch}"`, revision);
          }
          return { last, decided: decider.decide(command, state) };
        });
      } catch (error) {
        // A keyed request refused on a state its own twin has just made (an identical request
        // racing it) gets the twin's answer: the replay, never the refusal.
        const twin = await this.recorded(ctx, step, streamId);
        if (twin) return twin;
        throw error;
      }
      const { last, decided } = decision;
      const revision = revisionAfter(last);
      if (decided.length === 0) {
        return {
          streamId,
          revision: last?.revision ?? -1,
          position: last?.position ?? 0,
          duplicate: false,
          replayed: false,
        };
      }
      const events = this.toNewEvents(decided, ctx, args.occurredAt ?? ctx.now, step);
      try {
        const result = await this.store.append(streamId, events, { expectedRevision: revision });
        forgetRequestMemo(ctx.memo);
        this.runner.poke();
        return { ...result, replayed: result.duplicate };
      } catch (error) {
        const concurrentRetry = await this.recorded(ctx, step, streamId);
        if (concurrentRetry) return concurrentRetry;
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (ctx.ifMatch !== null)
          throw new PreconditionFailedError(`"${ctx.ifMatch}"`, error.actual);
        if (attempt >= ATTEMPTS) throw error;
        await backoff(attempt);
      }
    }
  }

  private toNewEvents(
    decided: DomainEvent[],
    ctx: RequestContext,
    occurredAt: string,
    step: string,
  ): NewEvent[] {
    const idempotency: IdempotencyRecord | undefined = ctx.idempotencyKey
      ? { key: ctx.idempotencyKey, requestHash: ctx.requestHash, eventCount: decided.length }
      : undefined;
    return decided.map((e, i) => ({
      eventId: newId(ctx, `event:${step}${i}`),
      type: e.type,
      data: e.data,
      metadata: {
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        causationId: ctx.idempotencyKey,
        occurredAt,
        schemaVersion: 1,
        ...(idempotency ? { idempotency } : {}),
      },
    }));
  }

  /**
   * The original outcome of this idempotent request, if it was recorded already; the same key
   * with another request is 422 `IDEMPOTENCY.KEY_REUSED`.
   */
  async recorded(
    ctx: RequestContext,
    step = '',
    streamId?: string,
  ): Promise<CommandOutcome | null> {
    if (ctx.idempotencyKey === null) return null;
    const first = await this.store.findEvent(newId(ctx, `event:${step}0`), streamId);
    if (!first) return null;
    const record = first.metadata.idempotency as IdempotencyRecord | undefined;
    if (!record || record.requestHash !== ctx.requestHash) {
      throw new ProblemException(
        422,
        'IDEMPOTENCY.KEY_REUSED',
        'This Idempotency-Key was used for a different request; use a new key for a new request.',
        [{ field: 'Idempotency-Key', message: 'already used with a different body' }],
      );
    }
    const last =
      record.eventCount > 1
        ? await this.store.findEvent(
            newId(ctx, `event:${step}${record.eventCount - 1}`),
            first.streamId,
          )
        : first;
    if (!last) throw new Error(`idempotent request ${record.key} is partly stored`);
    return {
      streamId: first.streamId,
      revision: last.revision,
      position: last.position,
      duplicate: true,
      replayed: true,
    };
  }
}
