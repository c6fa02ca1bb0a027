import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import { onHubParam, Requires, scopeFor, type WebRequest } from '../../access/index.js';
import { ukDate, WebPages, type FormWords } from '../../web/index.js';
import { MOVE_ON_TYPES, OPTION_KINDS } from '../housing.events.js';
import {
  OfstedRegistrationRequest,
  RegisterOptionRequest,
  SuspendOptionRequest,
} from '../options/housing-option.dto.js';
import {
  RecordRegistrationCommand,
  RegisterOptionCommand,
  SuspendOptionCommand,
} from '../options/housing-options.handlers.js';
import { ListHousingOptions, type HousingOptionView } from '../options/housing-options.query.js';
import { KIND_WORDS } from './housing-words.js';

const OPTION_WORDS: FormWords = {
  kind: { label: 'the kind of housing' },
  name: { label: 'its name' },
  capacity: { label: 'how many young people it takes, from 1 to 50' },
  'ageRange.min': { label: 'the youngest age it takes' },
  'ageRange.max': { label: 'the oldest age it takes' },
  approvedOn: { label: 'the day it was approved' },
  ofstedRegistration: { label: 'the Ofsted registration number' },
};
const SUSPEND_WORDS: FormWords = {
  reason: { label: 'why' },
  on: { label: 'the day' },
};
const OFSTED_WORDS: FormWords = {
  reference: { label: 'the Ofsted registration number' },
  registeredOn: { label: 'the day it was registered' },
};
/**
 * The hub's housing options in the pages: the list with free places; register, suspend,
 * reinstate, and record a supported accommodation provider's Ofsted registration.
 */
@ApiExcludeController()
@Controller('app')
export class HousingOptionsPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('hubs/:hubId/housing')
  @Requires('housing:read', onHubParam())
  @ReadsFrom('housing_options')
  async hubOptions(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    const { options } = (await this.queryBus.execute(new ListHousingOptions(hubId))) as {
      options: HousingOptionView[];
    };
    // The hub's housing, not young people: nothing here for the access log.
    res.type('html');
    return this.pages.page(req, 'housing-options.njk', {
      title: 'Housing options',
      hubId,
      errors,
      values,
      key: randomUUID(),
      saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      failed: values.option ?? null,
      mayChange: scopeFor(req.user!.roles, 'housing:options') !== null,
      options: options.map((o) => ({
        ...o,
        kindText: KIND_WORDS[o.kind as keyof typeof KIND_WORDS] ?? o.kind,
        suspendedFrom: o.suspended ? ukDate(o.suspended.from) : null,
      })),
      kinds: OPTION_KINDS.map((k) => ({
        value: k,
        text: KIND_WORDS[k],
        checked: values.kind === k,
      })),
      moveOn: MOVE_ON_TYPES,
    });
  }

  @Post('hubs/:hubId/housing')
  @Requires('housing:options', onHubParam())
  register(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/housing`,
      body,
      numbers: ['capacity', 'ageRange.min', 'ageRange.max'],
      type: RegisterOptionRequest,
      dates: { approvedOn: 'The day it was approved' },
      words: OPTION_WORDS,
      command: (value, ctx) => RegisterOptionCommand.from(hubId, value, ctx),
      saved: 'option-registered',
    });
  }

  @Post('hubs/:hubId/housing/:optionId/suspend')
  @Requires('housing:options', onHubParam())
  suspend(
    @UuidParam('hubId') hubId: string,
    @UuidParam('optionId') optionId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const suspend = body.action !== 'reinstate';
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/housing`,
      body: { ...body, option: optionId },
      type: SuspendOptionRequest,
      dates: { on: suspend ? 'The day it is suspended' : 'The day it takes young people again' },
      words: SUSPEND_WORDS,
      command: (value, ctx) => SuspendOptionCommand.from(hubId, optionId, suspend, value, ctx),
      saved: suspend ? 'option-suspended' : 'option-reinstated',
    });
  }

  /** Supported accommodation registers with Ofsted (from October 2023); the number is recorded here. */
  @Post('hubs/:hubId/housing/:optionId/ofsted-registration')
  @Requires('housing:options', onHubParam())
  registration(
    @UuidParam('hubId') hubId: string,
    @UuidParam('optionId') optionId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/housing`,
      body: { ...body, option: optionId, form: 'ofsted' },
      type: OfstedRegistrationRequest,
      dates: { registeredOn: 'The day it was registered' },
      words: OFSTED_WORDS,
      command: (value, ctx) => RecordRegistrationCommand.from(hubId, optionId, value, ctx),
      saved: 'ofsted-recorded',
    });
  }
}
