import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, type CommandOutcome, type RequestContext } from '#platform';
import { CURRENT_COLLECTION_YEAR } from '#ssda903';
import type {
  CareLeaverRecordRequest,
  EndTenancyRequest,
  ResolveConcernRequest,
  SetPlanRequest,
  StartTenancyRequest,
  TenancyConcernRequest,
} from './housing-pathway.dto.js';
import { housingStreamId } from '../housing.events.js';
import { HousingWriter } from '../housing-writer.js';
import { recordCareLeaver } from './care-leaver-record.decide.js';
import { changeTenancy, setPlan, startTenancy } from './housing-pathway.decide.js';

type Outcome<T = object> = CommandOutcome & T;

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
