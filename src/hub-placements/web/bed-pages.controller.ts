import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import { codeOptions } from '#ssda903';
import {
  HtmlDocument,
  LogsAccess,
  onHubParam,
  Requires,
  type WebRequest,
} from '../../access/index.js';
import { ukDate, WebPages, youngPeopleInPage, type FormWords } from '../../web/index.js';
import { CaseDirectory } from '../../young-people/index.js';
import {
  AdmitRequest,
  BedBackInUseRequest,
  BedOutOfUseRequest,
  DischargeRequest,
  MoveBedRequest,
  StayThresholdRequest,
} from '../admissions/admissions.dto.js';
import {
  AdmitCommand,
  BedBackInUseCommand,
  BedOutOfUseCommand,
  DischargeCommand,
  MoveBedCommand,
  StayThresholdCommand,
} from '../admissions/admissions.handlers.js';
import { BoardBeds } from './board-beds.js';
import { EPISODE_WORDS, episodeForm, ticked } from './episode-form.js';
import { DISCHARGE_DESTINATIONS, type DischargeDestination } from '../hub-placements.events.js';

/** Where a young person goes from a bed, as a manager says it. */
export const DESTINATION_WORDS: Record<DischargeDestination, string> = {
  outreach_support: 'Home or their own place, with outreach support from the hub',
  community_family: 'A community family',
  supported_lodgings: 'Supported lodgings',
  supported_accommodation: 'Supported accommodation',
  home_to_family: 'Home to their family',
  elsewhere: 'Somewhere else',
};

const ADMIT_WORDS: FormWords = {
  youngPersonId: { label: 'who to admit', rules: { required: 'Select who to admit' } },
  from: { label: 'the day they come' },
  plannedEnd: { label: 'the day the stay is planned to end' },
  ...EPISODE_WORDS,
};
const DISCHARGE_WORDS: FormWords = {
  on: { label: 'the day they leave the bed' },
  destination: { label: 'where they go' },
  reason: { label: 'why they leave the bed' },
  rec: { label: 'why this episode of care ends' },
};
const OUT_OF_USE_WORDS: FormWords = {
  reason: { label: 'why the bed is out of use' },
  from: { label: 'the day the bed goes out of use' },
};
const MOVE_WORDS: FormWords = {
  toBedId: { label: 'the bed they move to', rules: { required: 'Select the bed they move to' } },
  on: { label: 'the day they move' },
  reason: { label: 'why they move' },
};
const THRESHOLD_WORDS: FormWords = {
  weeks: {
    label: 'the number of weeks, from 1 to 104',
    rules: { required: 'Enter the number of weeks, from 1 to 104' },
  },
};
const BACK_WORDS: FormWords = { on: { label: 'the day the bed is back in use' } };

/**
 * Bed board actions: admit to a free bed, move to another bed, discharge, take a bed out of use
 * and back, and the hub's stay threshold.
 */
@ApiExcludeController()
@Controller('app/hubs')
export class BedPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly beds: BoardBeds,
    private readonly cases: CaseDirectory,
  ) {}

  private bed(hubId: string, bedId: string) {
    return this.beds.find(hubId, bedId);
  }

  @Get(':hubId/beds/:bedId/admit')
  @Requires('placement:write', onHubParam())
  @LogsAccess('admit to a bed page', youngPeopleInPage)
  async admitPage(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { board, bed } = await this.bed(hubId, bedId);
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    const inBeds = new Set(board.beds.map((b) => b.occupant?.youngPersonId));
    const open = (await this.cases.openCasesOf(hubId)).filter((c) => !inBeds.has(c.youngPersonId));
    return new HtmlDocument(
      '',
      this.pages.page(req, 'bed-admit.njk', {
        title: `Admit someone to ${bed.name}`,
        hubId,
        bed,
        errors,
        values,
        key: randomUUID(),
        ...episodeForm(open, values, { rne: 'S' }),
      }),
    );
  }

  @Post(':hubId/beds/:bedId/admit')
  @Requires('placement:write', onHubParam())
  async admit(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const { bed } = await this.bed(hubId, bedId);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/beds/${bedId}/admit`,
      next: `/app/hubs/${hubId}/beds`,
      // A hub bed is a children's home placement (K2); the box is ticked or absent.
      body: {
        ...body,
        'episode.place': 'K2',
        'episode.outOfArea': ticked(body, 'episode.outOfArea'),
      },
      type: AdmitRequest,
      dates: { from: 'The day they come', plannedEnd: 'The day the stay is planned to end' },
      words: ADMIT_WORDS,
      command: (value, ctx) =>
        AdmitCommand.from(hubId, { ...value, bedId: bed.bedId, kind: bed.kind }, ctx),
      saved: 'admitted',
    });
  }

  @Get(':hubId/beds/:bedId/discharge')
  @Requires('placement:write', onHubParam())
  @LogsAccess('discharge from a bed page', youngPeopleInPage)
  async dischargePage(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { bed } = await this.bed(hubId, bedId);
    if (!bed.occupant) throw new NotFoundException();
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    return new HtmlDocument(
      '',
      this.pages.page(req, 'bed-discharge.njk', {
        title: `${bed.occupant.name ?? 'Someone'} leaves ${bed.name}`,
        hubId,
        bed,
        since: ukDate(bed.occupant.since),
        errors,
        values,
        key: randomUUID(),
        destinations: DISCHARGE_DESTINATIONS.map((d) => ({
          value: d,
          text: DESTINATION_WORDS[d],
          checked: values.destination === d,
        })),
        recs: [
          { value: '', text: 'None: they move to a community family of the hub' },
          ...codeOptions('REC').map((o) => ({ ...o, selected: values.rec === o.value })),
        ],
      }),
    );
  }

  @Post(':hubId/beds/:bedId/discharge')
  @Requires('placement:write', onHubParam())
  async discharge(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const { bed } = await this.bed(hubId, bedId);
    const occupant = bed.occupant?.youngPersonId;
    if (!occupant) return this.pages.done(req, res, `/app/hubs/${hubId}/beds`);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/beds/${bedId}/discharge`,
      next: `/app/hubs/${hubId}/beds`,
      body,
      type: DischargeRequest,
      dates: { on: 'The day they leave the bed' },
      words: DISCHARGE_WORDS,
      command: (value, ctx) => DischargeCommand.from(hubId, occupant, value, ctx),
      saved: 'discharged',
    });
  }

  @Get(':hubId/beds/:bedId/move')
  @Requires('placement:write', onHubParam())
  @LogsAccess('move to another bed page', youngPeopleInPage)
  async movePage(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { board, bed } = await this.bed(hubId, bedId);
    if (!bed.occupant) throw new NotFoundException();
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    return new HtmlDocument(
      '',
      this.pages.page(req, 'bed-move.njk', {
        title: `${bed.occupant.name ?? 'Someone'} moves from ${bed.name}`,
        hubId,
        bed,
        since: ukDate(bed.occupant.since),
        errors,
        values,
        key: randomUUID(),
        beds: board.beds
          .filter((b) => b.state === 'free')
          .map((b) => ({
            value: b.bedId,
            text: b.name,
            checked: values.toBedId === b.bedId,
          })),
      }),
    );
  }

  @Post(':hubId/beds/:bedId/move')
  @Requires('placement:write', onHubParam())
  async move(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const { bed } = await this.bed(hubId, bedId);
    const occupant = bed.occupant?.youngPersonId;
    if (!occupant) return this.pages.done(req, res, `/app/hubs/${hubId}/beds`);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/beds/${bedId}/move`,
      next: `/app/hubs/${hubId}/beds`,
      body,
      type: MoveBedRequest,
      dates: { on: 'The day they move' },
      words: MOVE_WORDS,
      command: (value, ctx) => MoveBedCommand.from(hubId, occupant, value, ctx),
      saved: 'moved-bed',
    });
  }

  /** After how many weeks a stay is marked on the bed board (and in the work tray). */
  @Post(':hubId/stay-threshold')
  @Requires('placement:write', onHubParam())
  threshold(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/beds`,
      body: { ...body, form: 'threshold' },
      numbers: ['weeks'],
      type: StayThresholdRequest,
      words: THRESHOLD_WORDS,
      command: (value, ctx) => StayThresholdCommand.from(hubId, value, ctx),
      saved: 'threshold-set',
    });
  }

  @Post(':hubId/beds/:bedId/out-of-use')
  @Requires('placement:write', onHubParam())
  async outOfUse(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const { bed } = await this.bed(hubId, bedId);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/beds`,
      body,
      type: BedOutOfUseRequest,
      dates: { from: 'The day the bed goes out of use' },
      words: OUT_OF_USE_WORDS,
      command: (value, ctx) => BedOutOfUseCommand.from(hubId, bed.bedId, value, ctx),
      saved: 'out-of-use',
    });
  }

  @Post(':hubId/beds/:bedId/back-in-use')
  @Requires('placement:write', onHubParam())
  async backInUse(
    @UuidParam('hubId') hubId: string,
    @Param('bedId') bedId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const { bed } = await this.bed(hubId, bedId);
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/beds`,
      body,
      type: BedBackInUseRequest,
      dates: { on: 'The day the bed is back in use' },
      words: BACK_WORDS,
      command: (value, ctx) => BedBackInUseCommand.from(hubId, bed.bedId, value, ctx),
      saved: 'back-in-use',
    });
  }
}
