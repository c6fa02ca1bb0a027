import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, ProblemException, type CommandOutcome, type RequestContext } from '#platform';
import { CURRENT_COLLECTION_YEAR } from '#ssda903';
import type {
  CareLeaverRecordRequest,
  EndTenancyRequest,
  MoveRequest,
  ResolveConcernRequest,
  SetPlanRequest,
  StartTenancyRequest,
  TenancyConcernRequest,
} from './housing.dto.js';
import { housingStreamId, optionStreamId } from './housing.events.js';
import { HousingWriter } from './housing-writer.js';
import { moveIn, moveOut } from './options/housing-option.decide.js';
import { recordCareLeaver } from './pathway/care-leaver-record.decide.js';
import {
  changeAccommodation,
  changeTenancy,
  setPlan,
  startTenancy,
  yearsOn,
} from './pathway/housing-pathway.decide.js';

type Outcome<T = object> = CommandOutcome & T;

export class MoveCommand extends Command<Outcome> {
  constructor(
    readonly youngPersonId: string,
    readonly request: MoveRequest,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

/**
 * A move: into one of the hub's options (its stream guards the vacancy and the protective rules)
 * or anywhere else (the young person's housing stream); then out of the option they lived in.
 * The new home is appended first, so a refused move leaves everything as it was; a retry with the
 * same Idempotency-Key finishes a move cut short between the two appends.
 */
@CommandHandler(MoveCommand)
export class MoveHandler implements ICommandHandler<MoveCommand> {
  constructor(private readonly writer: HousingWriter) {}
  async execute({ youngPersonId, request: r, ctx }: MoveCommand) {
    if (r.optionId !== undefined && r.accommodation !== undefined) {
      throw new ProblemException(
        400,
        'REQUEST.INVALID',
        'give optionId or accommodation, not both',
        [{ field: 'accommodation', message: 'must be absent when optionId is given' }],
      );
    }
    const c = await this.writer.caseOf(youngPersonId, ctx);
    const previous = await this.writer.currentOption(youngPersonId);
    const moved = r.optionId
      ? await this.writer.commands.execute({
          streamId: optionStreamId(r.optionId),
          decider: moveIn,
          command: {
            optionId: r.optionId,
            hubId: c.hubId,
            youngPersonId,
            caseStatus: c.caseStatus,
            caseHubId: c.hubId || null,
            ageOnMove: yearsOn(c.dateOfBirth, r.on),
            on: r.on,
            reason: r.reason,
            planned: r.planned,
          },
          ctx,
          step: 'in',
        })
      : await this.writer.commands.execute({
          streamId: housingStreamId(youngPersonId),
          decider: changeAccommodation,
          command: {
            ...c,
            accommodation: r.accommodation!,
            description: r.description ?? '',
            on: r.on,
            reason: r.reason,
            planned: r.planned,
          },
          ctx,
          step: 'in',
        });
    if (previous && previous !== r.optionId) {
      await this.writer.commands.execute({
        streamId: optionStreamId(previous),
        decider: moveOut,
        command: {
          optionId: previous,
          hubId: c.hubId,
          youngPersonId,
          on: r.on,
          reason: r.reason,
          planned: r.planned,
        },
        ctx,
        step: 'out',
      });
    }
    return moved;
  }
}

export class PathwayCommand extends Command<Outcome<{ tenancyId?: string }>> {
  constructor(
    readonly youngPersonId: string,
    readonly action:
      | { kind: 'plan'; request: SetPlanRequest }
      | { kind: 'tenancy'; request: StartTenancyRequest }
      | { kind: 'concern'; tenancyId: string; request: TenancyConcernRequest }
      | { kind: 'resolve'; tenancyId: string; request: ResolveConcernRequest }
      | { kind: 'end'; tenancyId: string; request: EndTenancyRequest }
      | { kind: 'care-leaver'; request: CareLeaverRecordRequest },
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

/** Everything else on the young person's housing stream: plan, tenancies, OC3 records. */
@CommandHandler(PathwayCommand)
export class PathwayHandler implements ICommandHandler<PathwayCommand> {
  constructor(private readonly writer: HousingWriter) {}
  async execute({ youngPersonId, action: a, ctx }: PathwayCommand) {
    const c = await this.writer.caseOf(youngPersonId, ctx);
    const streamId = housingStreamId(youngPersonId);
    switch (a.kind) {
      case 'plan':
        return this.writer.commands.execute({
          streamId,
          decider: setPlan,
          command: {
            ...c,
            targetMoves: a.request.targetMoves.map((t) => ({ to: t.to, by: t.by })),
            notes: a.request.notes ?? '',
          },
          ctx,
        });
      case 'tenancy': {
        const tenancyId = newId(ctx, 'tenancy');
        const outcome = await this.writer.commands.execute({
          streamId,
          decider: startTenancy,
          command: { ...c, tenancyId, ...a.request },
          ctx,
        });
        return { ...outcome, tenancyId };
      }
      case 'concern':
      case 'resolve':
      case 'end': {
        const r = a.request as Partial<
          TenancyConcernRequest & ResolveConcernRequest & EndTenancyRequest
        >;
        return this.writer.commands.execute({
          streamId,
          decider: changeTenancy,
          command: {
            ...c,
            tenancyId: a.tenancyId,
            action: a.kind,
            concern: r.concern ?? null,
            on: r.on!,
            detail: r.detail ?? r.note ?? r.reason ?? '',
            arrears: r.arrears ?? null,
            planned: r.planned ?? false,
          },
          ctx,
        });
      }
      case 'care-leaver':
        return this.writer.commands.execute({
          streamId,
          decider: recordCareLeaver,
          command: {
            ...c,
            age: a.request.age,
            inTouch: a.request.inTouch,
            activ: a.request.activ ?? null,
            accom: a.request.accom ?? null,
            collectionYear: CURRENT_COLLECTION_YEAR,
          },
          ctx,
        });
      default: {
        const _exhaustive: never = a;
        throw new Error('unknown housing action');
      }
    }
  }
}
