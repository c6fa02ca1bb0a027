import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import {
  HtmlDocument,
  LogsAccess,
  onCase,
  oneCase,
  Requires,
  type WebRequest,
} from '../../access/index.js';
import { dateFromInput, WebPages, type FormError, type FormWords } from '../../web/index.js';
import { CARE_HISTORY, CasePageFrame, type CareHistory } from '../../young-people/index.js';
import { MoveRequest } from '../options/housing-option.dto.js';
import { ListHousingOptions, type HousingOptionView } from '../options/housing-options.query.js';
import { MoveCommand } from '../options/move.handler.js';
import {
  CareLeaverRecordRequest,
  EndTenancyRequest,
  ResolveConcernRequest,
  SetPlanRequest,
  StartTenancyRequest,
  TenancyConcernRequest,
} from '../pathway/housing-pathway.dto.js';
import {
  ChangeTenancyCommand,
  RecordCareLeaverCommand,
  SetHousingPlanCommand,
  StartTenancyCommand,
} from '../pathway/housing-pathway.handlers.js';
import { GetHousingPathway } from '../pathway/housing-pathway.query.js';
import { housingPageView, PLAN_ROWS, type HousingPathwayRead } from './housing.view.js';

const MOVE_WORDS: FormWords = {
  where: { label: 'where they move to' },
  accommodation: { label: 'the kind of place' },
  description: { label: 'a description of the place' },
  on: { label: 'the day they move' },
  reason: { label: 'why they move' },
  planned: { label: 'whether the move was planned' },
};
const TENANCY_WORDS: FormWords = {
  landlordType: { label: 'the landlord' },
  start: { label: 'the day the tenancy starts' },
  weeklyRent: { label: 'the weekly rent in pounds' },
  address: { label: 'the address' },
};
const END_WORDS: FormWords = {
  on: { label: 'the day the tenancy ends' },
  reason: { label: 'why it ends' },
  planned: { label: 'whether the ending was planned' },
};

const CONCERN_FORM_WORDS: FormWords = {
  concern: { label: 'what the concern is' },
  on: { label: 'the day it was raised' },
  detail: { label: 'what has happened' },
  arrears: { label: 'the arrears in pounds' },
};
const RESOLVE_WORDS: FormWords = {
  on: { label: 'the day it was resolved' },
  note: { label: 'how it was resolved' },
};
const ORDINAL = ['first', 'second', 'third'];
const PLAN_WORDS: FormWords = {
  ...Object.fromEntries(
    PLAN_ROWS.map((i) => [`targetMoves.${i}.to`, { label: `where the ${ORDINAL[i]} move is to` }]),
  ),
  notes: { label: 'notes on the plan' },
};
const OC3_WORDS: FormWords = {
  age: {
    label: 'which birthday the record is for',
    rules: { required: 'Select which birthday the record is for' },
  },
  inTouch: { label: 'whether you are in touch with them' },
  activ: { label: 'their main activity', rules: { required: 'Select their main activity' } },
  accom: { label: 'where they live', rules: { required: 'Select where they live' } },
};

/**
 * Housing in the pages: a young person's accommodation pathway (where they live, moves,
 * tenancies) and the hub's housing options (register, suspend, reinstate).
 */
@ApiExcludeController()
@Controller('app')
export class HousingPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
    private readonly frame: CasePageFrame,
    @Inject(CARE_HISTORY) private readonly history: CareHistory,
  ) {}

  private async options(hubId: string): Promise<HousingOptionView[]> {
    return (await this.queryBus.execute(new ListHousingOptions(hubId))).options;
  }

  @Get('young-people/:id/housing')
  @Requires('housing:read', onCase())
  @ReadsFrom('housing_pathway', 'housing_options')
  @LogsAccess('housing page', oneCase)
  async housing(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { summary, frame } = await this.frame.open(req, res, id, 'housing');
    const pathway = (await this.queryBus.execute(new GetHousingPathway(id))) as HousingPathwayRead;
    const options = await this.options(summary.hubId);
    // Referred otherwise, but the care the case holds makes them a care leaver: OC3 is theirs too.
    const byHistory =
      summary.category !== 'care_leaver' &&
      (await this.history.careLeaverOn(id, new Date().toISOString().slice(0, 10)));
    return new HtmlDocument(
      id,
      this.pages.page(req, 'housing.njk', {
        title: 'Housing',
        ...frame,
        ...housingPageView(pathway, options, summary, frame.values, req.user!.roles, byHistory),
      }),
    );
  }

  /** A move: into one of the hub's options (its vacancy and age rules), or anywhere else. */
  @Post('young-people/:id/housing/moves')
  @Requires('housing:write', onCase())
  async move(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/housing`;
    const where = body.where ?? '';
    const fields = {
      ...body,
      optionId: where.startsWith('option:') ? where.slice('option:'.length) : undefined,
      accommodation: where === 'other' ? body.accommodation : undefined,
    };
    const dates = { on: 'The day they move' };
    if (!where) {
      // Neither an option nor a kind of place: one question, said once, with the rest.
      const { errors } = await this.pages.formWithDates(MoveRequest, fields, dates, MOVE_WORDS);
      const others = errors.filter((e) => !['#optionId', '#accommodation'].includes(e.href));
      const chosen = [{ text: 'Select where they move to', href: '#where' }, ...others];
      return this.pages.failed(req, res, back, chosen, body);
    }
    return this.pages.submit(req, res, {
      back,
      body: fields as Record<string, string>,
      type: MoveRequest,
      dates,
      words: MOVE_WORDS,
      command: (value, ctx) => MoveCommand.from(id, value, ctx),
      saved: 'moved',
    });
  }

  @Post('young-people/:id/tenancies')
  @Requires('housing:write', onCase())
  startTenancy(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body,
      numbers: ['weeklyRent'],
      type: StartTenancyRequest,
      dates: { start: 'The day the tenancy starts' },
      words: TENANCY_WORDS,
      command: (value, ctx) => StartTenancyCommand.from(id, value, ctx),
      saved: 'tenancy-started',
    });
  }

  @Post('young-people/:id/tenancies/:tenancyId/end')
  @Requires('housing:write', onCase())
  endTenancy(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body: { ...body, tenancy: tenancyId },
      type: EndTenancyRequest,
      dates: { on: 'The day the tenancy ends' },
      words: END_WORDS,
      command: (value, ctx) => ChangeTenancyCommand.end(id, tenancyId, value, ctx),
      saved: 'tenancy-ended',
    });
  }

  /** The accommodation plan: up to three moves it aims for, each with a date, and notes. */
  @Post('young-people/:id/housing/plan')
  @Requires('housing:write', onCase())
  setPlan(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/housing`;
    const wrong: FormError[] = [];
    const targetMoves: { to: string; by?: string }[] = [];
    for (const i of PLAN_ROWS) {
      const to = String(body[`to-${i}`] ?? '').trim();
      const by = dateFromInput(body, `by-${i}`, `The date of the ${ORDINAL[i]} move`);
      if (!to && !by.given) continue;
      if (!to)
        wrong.push({
          text: `Enter where the ${ORDINAL[i]} move is to`,
          href: `#targetMoves.${i}.to`,
        });
      if (!by.given)
        wrong.push({ text: `Enter the date of the ${ORDINAL[i]} move`, href: `#by-${i}-day` });
      else if (by.error) wrong.push(by.error);
      targetMoves.push({ to, by: by.value });
    }
    const shown = { ...body, form: 'plan' };
    if (!targetMoves.length && !String(body.notes ?? '').trim())
      wrong.push({ text: 'Enter a move the plan aims for, or notes', href: '#targetMoves.0.to' });
    if (wrong.length) return this.pages.failed(req, res, back, wrong, shown);
    return this.pages.submit(req, res, {
      back,
      body: { idempotencyKey: body.idempotencyKey, notes: body.notes, targetMoves } as never,
      shown,
      type: SetPlanRequest,
      words: PLAN_WORDS,
      command: (value, ctx) => SetHousingPlanCommand.from(id, value, ctx),
      saved: 'plan-set',
    });
  }

  @Post('young-people/:id/tenancies/:tenancyId/concerns')
  @Requires('housing:write', onCase())
  concern(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body: { ...body, tenancy: tenancyId, form: 'concern' },
      numbers: ['arrears'],
      type: TenancyConcernRequest,
      dates: { on: 'The day it was raised' },
      words: CONCERN_FORM_WORDS,
      command: (value, ctx) => ChangeTenancyCommand.concern(id, tenancyId, value, ctx),
      saved: 'concern-recorded',
    });
  }

  @Post('young-people/:id/tenancies/:tenancyId/resolve')
  @Requires('housing:write', onCase())
  resolve(
    @UuidParam('id') id: string,
    @UuidParam('tenancyId') tenancyId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body: { ...body, tenancy: tenancyId, form: `resolve-${body.concern ?? ''}` },
      type: ResolveConcernRequest,
      dates: { on: 'The day it was resolved' },
      words: RESOLVE_WORDS,
      command: (value, ctx) => ChangeTenancyCommand.resolve(id, tenancyId, value, ctx),
      saved: 'concern-resolved',
    });
  }

  /** SSDA903 OC3: a care leaver's record around their 17th to 21st birthdays. */
  @Post('young-people/:id/care-leaver-records')
  @Requires('housing:write', onCase())
  careLeaver(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/housing`,
      body: { ...body, form: 'oc3' },
      numbers: ['age'],
      type: CareLeaverRecordRequest,
      words: OC3_WORDS,
      command: (value, ctx) => RecordCareLeaverCommand.from(id, value, ctx),
      saved: 'oc3-recorded',
    });
  }
}
