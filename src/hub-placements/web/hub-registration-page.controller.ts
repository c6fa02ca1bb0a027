import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, NotFoundException, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import { LOCAL_AUTHORITIES } from '#ssda903';
import { onHubParam, Requires, type WebRequest } from '../../access/index.js';
import { WebPages, type FormWords } from '../../web/index.js';
import { HubRegistrationRequest } from '../admissions/admissions.dto.js';
import { HubRegistrationCommand } from '../admissions/admissions.handlers.js';
import { HubDirectory } from '../hub-directory.js';

const WORDS: FormWords = {
  laCode: { label: 'the council', rules: { required: 'Select the hub’s council' } },
  ofstedUrn: {
    label: 'the Ofsted URN',
    rules: {
      required: 'Enter the hub’s Ofsted URN, like SC123456',
      matches: 'The Ofsted URN must be SC and 6 digits (SC123456), or 7 digits',
    },
  },
};

/** English councils by name, for the hub's council (the return's `la_code`). */
const COUNCILS = [...LOCAL_AUTHORITIES]
  .filter(([code]) => code.startsWith('E'))
  .sort((a, b) => a[1].localeCompare(b[1]))
  .map(([value, name]) => ({ value, text: `${name} (${value})` }));

/** The hub's council and Ofsted number: what the statutory returns are made under. */
@ApiExcludeController()
@Controller('app/hubs')
export class HubRegistrationPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly hubs: HubDirectory,
  ) {}

  @Get(':hubId/registration')
  @Requires('placement:write', onHubParam())
  async show(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const hub = await this.hubs.find(hubId);
    if (hub.status !== 'open') throw new NotFoundException();
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    const shown = errors.length
      ? values
      : { laCode: hub.registration?.laCode ?? '', ofstedUrn: hub.registration?.ofstedUrn ?? '' };
    return this.pages.page(req, 'hub-registration.njk', {
      title: `${hub.name}: council and Ofsted number`,
      hubId,
      hubName: hub.name,
      errors,
      values: shown,
      key: randomUUID(),
      saved: req.query.saved === 'registration',
      councils: [
        { value: '', text: 'Select' },
        ...COUNCILS.map((c) => ({ ...c, selected: c.value === shown.laCode })),
      ],
    });
  }

  @Post(':hubId/registration')
  @Requires('placement:write', onHubParam())
  record(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/registration`,
      body: { ...body, ofstedUrn: (body.ofstedUrn ?? '').trim().toUpperCase() },
      type: HubRegistrationRequest,
      words: WORDS,
      command: (value, ctx) => HubRegistrationCommand.from(hubId, value, ctx),
      saved: 'registration',
    });
  }
}
