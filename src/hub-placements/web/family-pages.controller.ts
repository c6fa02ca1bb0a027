import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, NotFoundException, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventStore } from '#event-store';
import { fold } from '#kernel';
import { EVENT_STORE, UuidParam } from '#platform';
import {
  HtmlDocument,
  LogsAccess,
  onHubParam,
  Requires,
  scopeFor,
  type WebRequest,
} from '../../access/index.js';
import { ukDate, WebPages, youngPeopleInPage, type FormWords } from '../../web/index.js';
import { CaseDirectory } from '../../young-people/index.js';
import {
  evolveFamily,
  initialFamily,
  type CommunityFamily,
} from '../community-families/community-family.decide.js';
import {
  EndFamilyPlacementRequest,
  PlaceWithFamilyRequest,
  RegisterFamilyRequest,
} from '../community-families/community-family.dto.js';
import {
  familyStreamId,
  type CommunityFamilyEvent,
} from '../community-families/community-family.events.js';
import {
  EndFamilyPlacementCommand,
  FamilyLegalStatusCommand,
  PlaceWithFamilyCommand,
  RegisterFamilyCommand,
} from '../community-families/community-family.handlers.js';
import { codeOptions, CODE_WORDS } from '#ssda903';
import { LegalStatusRequest } from '../admissions/admissions.dto.js';
import { EPISODE_WORDS, episodeForm, ticked } from './episode-form.js';

/** The placement types a community family placement is: foster placements. */
const FOSTER_PLACES = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];

const REGISTER_WORDS: FormWords = {
  name: { label: 'the family’s name' },
  approvedOn: { label: 'the day they were approved as carers' },
  capacity: { label: 'how many young people they can care for, from 1 to 6' },
  'ageRange.min': { label: 'the youngest age they care for' },
  'ageRange.max': { label: 'the oldest age they care for' },
};
const PLACE_WORDS: FormWords = {
  youngPersonId: {
    label: 'who goes to live with them',
    rules: { required: 'Select who goes to live with them' },
  },
  from: { label: 'the day they move in' },
  ...EPISODE_WORDS,
};
const LS_WORDS: FormWords = {
  ls: { label: 'the new legal status', rules: { required: 'Select the new legal status' } },
  on: { label: 'the day it changed' },
};
const END_WORDS: FormWords = {
  on: { label: 'the day the placement ends' },
  reason: { label: 'why it ends' },
  rec: { label: 'the SSDA903 reason the episode ceased' },
};

/** Community families in the pages: add a family, place a young person, end a placement. */
@ApiExcludeController()
@Controller('app/hubs')
export class FamilyPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly cases: CaseDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The family as its own stream has it (never stale): who lives with them now. */
  private async family(hubId: string, familyId: string) {
    const events = await this.store.readStream(familyStreamId(familyId));
    const family = fold<CommunityFamilyEvent, CommunityFamily>(
      { evolve: evolveFamily, initialState: initialFamily },
      events,
    );
    if (family.status !== 'registered' || family.hubId !== hubId) throw new NotFoundException();
    return family;
  }

  @Post(':hubId/families')
  @Requires('placement:write', onHubParam())
  register(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/beds`,
      body,
      numbers: ['capacity', 'ageRange.min', 'ageRange.max'],
      type: RegisterFamilyRequest,
      dates: { approvedOn: 'The day they were approved as carers' },
      words: REGISTER_WORDS,
      command: (value, ctx) => RegisterFamilyCommand.from(hubId, value, ctx),
      saved: 'family-added',
    });
  }

  @Get(':hubId/families/:familyId')
  @Requires('placement:read', onHubParam())
  @LogsAccess('community family page', youngPeopleInPage)
  async familyPage(
    @UuidParam('hubId') hubId: string,
    @UuidParam('familyId') familyId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const family = await this.family(hubId, familyId);
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    const mayChange = scopeFor(req.user!.roles, 'placement:write') !== null;
    const living = new Set(family.placements.map((p) => p.youngPersonId));
    const names = await this.cases.namesOf([...living]);
    const open = mayChange
      ? (await this.cases.openCasesOf(hubId)).filter((c) => !living.has(c.youngPersonId))
      : [];
    return new HtmlDocument(
      '',
      this.pages.page(req, 'family.njk', {
        title: family.name,
        hubId,
        family,
        vacancies: family.capacity - family.placements.length,
        living: family.placements.map((p) => {
          const n = names.get(p.youngPersonId);
          const changing = values.changing === p.youngPersonId;
          return {
            youngPersonId: p.youngPersonId,
            name: n ? `${n.givenName} ${n.familyName}` : 'Someone',
            since: ukDate(p.from),
            ls: `${p.ls}: ${CODE_WORDS.LS?.[p.ls] ?? p.ls}`,
            statuses: [
              { value: '', text: 'Select' },
              ...codeOptions('LS')
                .filter((o) => o.value !== p.ls)
                .map((o) => ({ ...o, selected: changing && values.ls === o.value })),
            ],
          };
        }),
        errors,
        values,
        // A refused end-of-placement or legal status form comes back open on its own row.
        failed: values.leaving ?? null,
        failedLs: values.changing ?? null,
        key: randomUUID(),
        saved: typeof req.query.saved === 'string' ? req.query.saved : null,
        mayChange,
        ...episodeForm(open, values, { rne: 'P', place: { code: 'U6', only: FOSTER_PLACES } }),
      }),
    );
  }

  @Post(':hubId/families/:familyId/placements')
  @Requires('placement:write', onHubParam())
  async place(
    @UuidParam('hubId') hubId: string,
    @UuidParam('familyId') familyId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    await this.family(hubId, familyId);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/families/${familyId}`,
      body: {
        ...body,
        'episode.outOfArea': ticked(body, 'episode.outOfArea'),
      },
      type: PlaceWithFamilyRequest,
      dates: { from: 'The day they move in' },
      words: PLACE_WORDS,
      command: (value, ctx) => PlaceWithFamilyCommand.from(hubId, familyId, value, ctx),
      saved: 'placed',
    });
  }

  @Post(':hubId/families/:familyId/placements/:youngPersonId/end')
  @Requires('placement:write', onHubParam())
  async end(
    @UuidParam('hubId') hubId: string,
    @UuidParam('familyId') familyId: string,
    @UuidParam('youngPersonId') youngPersonId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    await this.family(hubId, familyId);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/families/${familyId}`,
      body: { ...body, leaving: youngPersonId, rec: (body.rec ?? '').trim().toUpperCase() },
      type: EndFamilyPlacementRequest,
      dates: { on: 'The day the placement ends' },
      words: END_WORDS,
      command: (value, ctx) =>
        EndFamilyPlacementCommand.from(hubId, familyId, youngPersonId, value, ctx),
      saved: 'placement-ended',
    });
  }

  /** A care order made while they live with the family: the placement goes on. */
  @Post(':hubId/families/:familyId/placements/:youngPersonId/legal-status')
  @Requires('placement:write', onHubParam())
  async legalStatus(
    @UuidParam('hubId') hubId: string,
    @UuidParam('familyId') familyId: string,
    @UuidParam('youngPersonId') youngPersonId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    await this.family(hubId, familyId);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/families/${familyId}`,
      body: { ...body, changing: youngPersonId },
      type: LegalStatusRequest,
      dates: { on: 'The day it changed' },
      words: LS_WORDS,
      command: (value, ctx) =>
        FamilyLegalStatusCommand.from(hubId, familyId, youngPersonId, value, ctx),
      saved: 'legal-status',
    });
  }
}
