import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { birthdayAt } from '#kernel';
import { CARE_HISTORY, type CareHistory } from '../../young-people/index.js';
import { DecisionCommand, newId, type CommandOutcome, type RequestContext } from '#platform';
import type {
  CareLeaverRecordRequest,
  EndTenancyRequest,
  ResolveConcernRequest,
  SetPlanRequest,
  StartTenancyRequest,
  TenancyConcernRequest,
} from './housing-pathway.dto.js';
import { HousingWriter, type OnCase } from '../housing-writer.js';
import { recordCareLeaver, type RecordCareLeaver } from './care-leaver-record.decide.js';
import {
  changeTenancy,
  setPlan,
  startTenancy,
  type SetPlan,
  type StartTenancy,
  type TenancyChange,
} from './housing-pathway.decide.js';

export class SetHousingPlanCommand extends DecisionCommand<OnCase<SetPlan>> {
  static from(youngPersonId: string, r: SetPlanRequest, ctx: RequestContext) {
    return new SetHousingPlanCommand(
      {
        youngPersonId,
        targetMoves: r.targetMoves.map((t) => ({ to: t.to, by: t.by })),
        notes: r.notes ?? '',
      },
      ctx,
    );
  }
}

export class StartTenancyCommand extends DecisionCommand<
  OnCase<StartTenancy>,
  CommandOutcome & { tenancyId: string }
> {
  static from(youngPersonId: string, r: StartTenancyRequest, ctx: RequestContext) {
    return new StartTenancyCommand(
      {
        youngPersonId,
        tenancyId: newId(ctx, 'tenancy'),
        landlordType: r.landlordType,
        start: r.start,
        weeklyRent: r.weeklyRent,
        address: r.address,
      },
      ctx,
    );
  }
}

/** A concern raised or resolved on a tenancy, or its end. */
export class ChangeTenancyCommand extends DecisionCommand<OnCase<TenancyChange>> {
  static concern(
    youngPersonId: string,
    tenancyId: string,
    r: TenancyConcernRequest,
    ctx: RequestContext,
  ) {
    return new ChangeTenancyCommand(
      {
        youngPersonId,
        tenancyId,
        action: 'concern',
        concern: r.concern,
        on: r.on,
        detail: r.detail,
        arrears: r.arrears ?? null,
        planned: false,
      },
      ctx,
    );
  }
  static resolve(
    youngPersonId: string,
    tenancyId: string,
    r: ResolveConcernRequest,
    ctx: RequestContext,
  ) {
    return new ChangeTenancyCommand(
      {
        youngPersonId,
        tenancyId,
        action: 'resolve',
        concern: r.concern,
        on: r.on,
        detail: r.note,
        arrears: null,
        planned: false,
      },
      ctx,
    );
  }
  static end(youngPersonId: string, tenancyId: string, r: EndTenancyRequest, ctx: RequestContext) {
    return new ChangeTenancyCommand(
      {
        youngPersonId,
        tenancyId,
        action: 'end',
        concern: null,
        on: r.on,
        detail: r.reason,
        arrears: null,
        planned: r.planned,
      },
      ctx,
    );
  }
}

export class RecordCareLeaverCommand extends DecisionCommand<
  Omit<OnCase<RecordCareLeaver>, 'careLeaverByHistory'>
> {
  static from(youngPersonId: string, r: CareLeaverRecordRequest, ctx: RequestContext) {
    return new RecordCareLeaverCommand(
      {
        youngPersonId,
        age: r.age,
        inTouch: r.inTouch,
        activ: r.activ ?? null,
        accom: r.accom ?? null,
      },
      ctx,
    );
  }
}

@CommandHandler(SetHousingPlanCommand)
export class SetHousingPlanHandler implements ICommandHandler<SetHousingPlanCommand> {
  constructor(private readonly writer: HousingWriter) {}
  execute({ input, ctx }: SetHousingPlanCommand) {
    return this.writer.onCase(setPlan, input, ctx);
  }
}

@CommandHandler(StartTenancyCommand)
export class StartTenancyHandler implements ICommandHandler<StartTenancyCommand> {
  constructor(private readonly writer: HousingWriter) {}
  async execute({ input, ctx }: StartTenancyCommand) {
    const outcome = await this.writer.onCase(startTenancy, input, ctx);
    return { ...outcome, tenancyId: input.tenancyId };
  }
}

@CommandHandler(ChangeTenancyCommand)
export class ChangeTenancyHandler implements ICommandHandler<ChangeTenancyCommand> {
  constructor(private readonly writer: HousingWriter) {}
  execute({ input, ctx }: ChangeTenancyCommand) {
    return this.writer.onCase(changeTenancy, input, ctx);
  }
}

@CommandHandler(RecordCareLeaverCommand)
export class RecordCareLeaverHandler implements ICommandHandler<RecordCareLeaverCommand> {
  constructor(
    private readonly writer: HousingWriter,
    @Inject(CARE_HISTORY) private readonly history: CareHistory,
  ) {}
  async execute({ input, ctx }: RecordCareLeaverCommand) {
    const { dateOfBirth, caseStatus } = await this.writer.caseOf(input.youngPersonId, ctx);
    const careLeaverByHistory =
      caseStatus !== 'none' &&
      (await this.history.careLeaverOn(input.youngPersonId, birthdayAt(dateOfBirth, input.age)));
    return this.writer.onCase(recordCareLeaver, { ...input, careLeaverByHistory }, ctx);
  }
}

export const pathwayHandlers = [
  SetHousingPlanHandler,
  StartTenancyHandler,
  ChangeTenancyHandler,
  RecordCareLeaverHandler,
];
