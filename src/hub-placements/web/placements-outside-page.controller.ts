import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import { codeOptions, CODE_WORDS } from '#ssda903';
import {
  HtmlDocument,
  LogsAccess,
  onCase,
  oneCase,
  Requires,
  type WebRequest,
} from '../../access/index.js';
import { ukDate, WebPages, type FormWords } from '../../web/index.js';
import { CasePageFrame } from '../../young-people/index.js';
import {
  EndOutsideRequest,
  PlacementOutsideRequest,
} from '../placements-outside/placements-outside.dto.js';
import {
  EndPlacementOutsideCommand,
  RecordPlacementOutsideCommand,
} from '../placements-outside/placements-outside.handlers.js';
import { PlacementsOutsideReader } from '../placements-outside/placements-outside.reader.js';
import { EPISODE_WORDS, ticked } from './episode-form.js';

const ADD_WORDS: FormWords = {
  description: {
    label: 'who and where',
    rules: { required: 'Enter who cares for them and where, like “Council foster carers, Alton”' },
  },
  from: { label: 'the day it began' },
  ...EPISODE_WORDS,
  urn: { label: 'the home’s Ofsted URN' },
};
const END_WORDS: FormWords = {
  on: { label: 'the day it ended' },
  rec: { label: 'why the episode ended', rules: { required: 'Select why the episode ended' } },
};

/**
 * The young person's placements outside the hub, on a page of the case: council foster carers
 * before the hub, a home after; each with its SSDA903 episode, so the return holds the whole
 * period of care.
 */
@ApiExcludeController()
@Controller('app/young-people')
export class PlacementsOutsidePageController {
  constructor(
    private readonly pages: WebPages,
    private readonly frame: CasePageFrame,
    private readonly reader: PlacementsOutsideReader,
  ) {}

  @Get(':id/placements-outside')
  @Requires('placement:write', onCase())
  @LogsAccess('placements outside the hub page', oneCase)
  async show(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { frame } = await this.frame.open(req, res, id, 'summary');
    const values = frame.values;
    const select = (
      list: 'RNE' | 'LS' | 'PLACE' | 'PLACE_PROVIDER',
      field: string,
      fallback: string,
    ) =>
      codeOptions(list).map((o) => ({ ...o, selected: (values[field] ?? fallback) === o.value }));
    const placements = (await this.reader.of(id)).map((p) => ({
      ...p,
      fromWords: ukDate(p.from),
      toWords: p.to ? ukDate(p.to) : null,
      place: `${p.episode.place}${CODE_WORDS.PLACE?.[p.episode.place] ? `: ${CODE_WORDS.PLACE[p.episode.place]}` : ''}`,
      ls: `${p.episode.ls}: ${CODE_WORDS.LS?.[p.episode.ls] ?? ''}`,
      recWords: p.rec ? `${p.rec}: ${CODE_WORDS.REC?.[p.rec] ?? ''}` : null,
    }));
    return new HtmlDocument(
      id,
      this.pages.page(req, 'placements-outside.njk', {
        title: 'Placements outside the hub',
        ...frame,
        placements,
        rne: select('RNE', 'episode.rne', 'S'),
        ls: select('LS', 'episode.ls', 'C2'),
        places: select('PLACE', 'episode.place', 'U6'),
        providers: select('PLACE_PROVIDER', 'episode.placeProvider', 'PR1'),
        recs: [{ value: '', text: 'Select' }, ...codeOptions('REC')],
        changes: [{ value: '', text: 'None' }, ...codeOptions('REASON_PLACE_CHANGE')],
      }),
    );
  }

  @Post(':id/placements-outside')
  @Requires('placement:write', onCase())
  add(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/placements-outside`,
      body: { ...body, 'episode.outOfArea': ticked(body, 'episode.outOfArea') },
      type: PlacementOutsideRequest,
      dates: { from: 'The day it began' },
      words: ADD_WORDS,
      command: (value, ctx) => RecordPlacementOutsideCommand.from(id, value, ctx),
      saved: 'placement-added',
    });
  }

  @Post(':id/placements-outside/:placementId/end')
  @Requires('placement:write', onCase())
  end(
    @UuidParam('id') id: string,
    @Param('placementId') placementId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/young-people/${id}/placements-outside`,
      // Which placement's form failed, so that one opens again with its errors.
      body: { ...body, form: placementId },
      type: EndOutsideRequest,
      dates: { on: 'The day it ended' },
      words: END_WORDS,
      command: (value, ctx) => EndPlacementOutsideCommand.from(id, placementId, value, ctx),
      saved: 'placement-ended',
    });
  }
}
