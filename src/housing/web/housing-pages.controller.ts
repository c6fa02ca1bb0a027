import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
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
  scopeFor,
  type WebRequest,
} from '../../access/index.js';
import { ukDate, WebPages, type FormWords } from '../../web/index.js';
import { CasePageFrame } from '../../young-people/index.js';
import { ACCOMMODATION_TYPES, LANDLORD_TYPES, type AccommodationType } from '../housing.events.js';
import { MoveRequest } from '../options/housing-option.dto.js';
import { ListHousingOptions, type HousingOptionView } from '../options/housing-options.query.js';
import { MoveCommand } from '../options/move.handler.js';
import { EndTenancyRequest, StartTenancyRequest } from '../pathway/housing-pathway.dto.js';
import { ChangeTenancyCommand, StartTenancyCommand } from '../pathway/housing-pathway.handlers.js';
import { ACCOMMODATION_WORDS, KIND_WORDS, LANDLORD_WORDS } from './housing-words.js';
import { GetHousingPathway } from '../pathway/housing-pathway.query.js';

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
    const pathway = (await this.queryBus.execute(new GetHousingPathway(id))) as {
      current: { accommodation: AccommodationType; on: string; description: string } | null;
      accommodations: {
        on: string;
        accommodation: AccommodationType;
        description: string;
        reason: string;
        planned: boolean;
      }[];
      tenancies: {
        tenancyId: string;
        landlordType: (typeof LANDLORD_TYPES)[number];
        start: string;
        weeklyRent: number;
        address: string;
        ended: { on: string; reason: string } | null;
      }[];
    };
    const options = await this.options(summary.hubId);
    const { values } = frame;
    return new HtmlDocument(
      id,
      this.pages.page(req, 'housing.njk', {
        title: 'Housing',
        ...frame,
        current: pathway.current
          ? {
              where:
                ACCOMMODATION_WORDS[pathway.current.accommodation] ?? pathway.current.accommodation,
              since: ukDate(pathway.current.on),
              description: pathway.current.description,
            }
          : null,
        moves: [...pathway.accommodations].reverse().map((a) => ({
          on: ukDate(a.on),
          where: ACCOMMODATION_WORDS[a.accommodation] ?? a.accommodation,
          description: a.description,
          reason: a.reason,
          planned: a.planned,
        })),
        tenancies: pathway.tenancies.map((t) => ({
          ...t,
          landlord: LANDLORD_WORDS[t.landlordType] ?? t.landlordType,
          since: ukDate(t.start),
          endedOn: t.ended ? ukDate(t.ended.on) : null,
        })),
        mayWrite:
          summary.status === 'accepted' && scopeFor(req.user!.roles, 'housing:write') !== null,
        where: [
          ...options
            .filter((o) => !o.suspended && o.vacancies > 0)
            .map((o) => ({
              value: `option:${o.optionId}`,
              text: o.name,
              hint: {
                text: `${KIND_WORDS[o.kind as keyof typeof KIND_WORDS] ?? o.kind}, ${o.vacancies} free, ages ${o.ageRange.min} to ${o.ageRange.max}`,
              },
              checked: values.where === `option:${o.optionId}`,
            })),
          ...(options.length ? [{ divider: 'or' }] : []),
          {
            value: 'other',
            text: 'Somewhere else',
            checked: values.where === 'other',
            conditional: true,
          },
        ],
        kinds: [
          { value: '', text: 'Choose a kind of place' },
          ...ACCOMMODATION_TYPES.map((a) => ({
            value: a,
            text: ACCOMMODATION_WORDS[a],
            selected: values.accommodation === a,
          })),
        ],
        landlords: LANDLORD_TYPES.map((l) => ({
          value: l,
          text: LANDLORD_WORDS[l],
          checked: values.landlordType === l,
        })),
        failed: values.tenancy ?? null,
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
}
