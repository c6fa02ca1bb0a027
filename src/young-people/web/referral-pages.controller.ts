import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
import {
  Access,
  HtmlDocument,
  LogsAccess,
  onHubParam,
  Requires,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import {
  ukDate,
  WebPages,
  youngPeopleInPage,
  type FormError,
  type FormWords,
} from '../../web/index.js';
import {
  FindPossibleMatches,
  type PossibleMatch,
} from '../find-young-people/possible-matches.query.js';
import { ReceiveReferralRequest } from '../receive-referral/receive-referral.dto.js';
import {
  ReceiveReferralCommand,
  type ReferralOutcome,
} from '../receive-referral/receive-referral.handler.js';
import { REFERRAL_CATEGORIES, type ReferralCategory } from '../young-people.events.js';

/** The referral categories as a manager says them. */
export const CATEGORY_WORDS: Record<ReferralCategory, string> = {
  edge_of_care: 'Edge of care',
  edging_to_care: 'Edging to care',
  placement_support: 'Placement support',
  care_leaver: 'Care leaver',
};

const WORDS: FormWords = {
  'youngPerson.givenName': { label: 'their first name' },
  'youngPerson.familyName': { label: 'their last name' },
  'youngPerson.dateOfBirth': { label: 'their date of birth' },
  category: { label: 'the kind of referral' },
  'socialWorker.name': { label: 'the social worker’s name' },
  'socialWorker.team': { label: 'the social worker’s team' },
  reason: { label: 'why they are referred' },
  match: { label: 'whether this is one of the young people the hub knows' },
};
const STATUS_WORDS: Record<string, string> = {
  referred: 'referred, waiting for a decision',
  accepted: 'open case',
  stepped_away: 'the hub has stepped away',
  closed: 'case closed',
  declined: 'referral declined',
};
const DATES = { 'youngPerson.dateOfBirth': 'Their date of birth' };

/**
 * Adding a referral in the pages: the intake form, then, before anything is saved, the young
 * people of the hub it may be about (same date of birth and a shared name, or the same name), so
 * the manager adds it to the right case or says it is someone new.
 */
@ApiExcludeController()
@Controller('app/hubs')
export class ReferralPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  private page(
    req: WebRequest,
    hubId: string,
    view: { values: Record<string, string>; errors: FormError[]; key: string },
    matches: PossibleMatch[] = [],
    born?: string,
  ) {
    const { values } = view;
    return this.pages.page(req, matches.length ? 'referral-check.njk' : 'referral-new.njk', {
      title: matches.length ? 'Check who the referral is about' : 'Add a referral',
      hubId,
      ...view,
      categories: REFERRAL_CATEGORIES.map((c) => ({
        value: c,
        text: CATEGORY_WORDS[c],
        checked: values.category === c,
      })),
      category: CATEGORY_WORDS[values.category as ReferralCategory] ?? values.category,
      // Everything the form was sent with, carried through the check unchanged.
      carried: Object.entries(values).filter(
        ([k]) => !['_csrf', 'idempotencyKey', 'match', 'checking'].includes(k),
      ),
      matches: [
        ...matches.map((m) => ({
          value: m.youngPersonId,
          text: `${m.givenName} ${m.familyName}`,
          checked: values.match === m.youngPersonId,
          hint: {
            text: `Born ${ukDate(m.dateOfBirth)}; ${STATUS_WORDS[m.status] ?? m.status}${m.exact ? '; the same name and date of birth' : ''}`,
          },
          attributes: { 'data-young-person': m.youngPersonId },
        })),
        { divider: 'or' },
        {
          value: 'new',
          text: 'Someone the hub does not know yet',
          checked: values.match === 'new',
        },
      ],
      exact: matches.some((m) => m.exact),
      known: matches.length,
      born: born ? ukDate(born) : '',
    });
  }

  private async matchesFor(hubId: string, value: ReceiveReferralRequest, access: AccessScope) {
    return (await this.queryBus.execute(
      new FindPossibleMatches(hubId, value.youngPerson, access),
    )) as PossibleMatch[];
  }

  @Get(':hubId/new-referral')
  @Requires('case:refer', onHubParam())
  newReferral(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    // An empty form: no young person on it, nothing for the access log.
    res.type('html');
    return this.page(req, hubId, { errors, values, key: randomUUID() });
  }

  /** The check before saving: the hub's young people the referral may be about. */
  @Get(':hubId/new-referral/check')
  @Requires('case:refer', onHubParam())
  @LogsAccess('referral check page', youngPeopleInPage)
  async check(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
    @Access() access: AccessScope,
  ) {
    const { errors, values } = this.pages.takeFlash(req, res);
    const { value, errors: wrong } = await this.pages.formWithDates(
      ReceiveReferralRequest,
      { ...values, hubId },
      DATES,
      WORDS,
    );
    const matches = wrong.length ? [] : await this.matchesFor(hubId, value, access);
    const key = values.idempotencyKey || randomUUID();
    // Nothing to check (the page was opened again later): the form, filled in as sent.
    if (matches.length === 0)
      return new HtmlDocument('', this.page(req, hubId, { errors: [], values, key }));
    if (errors.length) res.status(400);
    return new HtmlDocument(
      '',
      this.page(req, hubId, { errors, values, key }, matches, value.youngPerson.dateOfBirth),
    );
  }

  @Post(':hubId/new-referral')
  @Requires('case:refer', onHubParam())
  async add(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
    @Access() access: AccessScope,
  ) {
    const { match, ...fields } = body;
    const { value, errors } = await this.pages.formWithDates(
      ReceiveReferralRequest,
      { ...fields, hubId },
      DATES,
      WORDS,
    );
    if (errors.length)
      return this.pages.failed(req, res, `/app/hubs/${hubId}/new-referral`, errors, body);
    const check = `/app/hubs/${hubId}/new-referral/check`;
    const matches = await this.matchesFor(hubId, value, access);
    const known = new Set(matches.map((m) => m.youngPersonId));
    if (matches.length && !(match === 'new' || known.has(match))) {
      // Nothing is saved until the manager says who this is.
      if (body.checking === 'yes') {
        const asked = [{ text: 'Select who the referral is about', href: '#match' }];
        return this.pages.failed(req, res, check, asked, body);
      }
      this.pages.flash(res, [], body);
      return res.redirect(303, check);
    }
    const referral = Object.assign(value, {
      youngPersonId: match && match !== 'new' ? match : undefined,
    });
    let outcome: ReferralOutcome;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, referral);
      outcome = await this.commandBus.execute(ReceiveReferralCommand.from(referral, ctx, access));
    } catch (error) {
      const back = match ? check : `/app/hubs/${hubId}/new-referral`;
      return this.pages.failed(req, res, back, this.pages.refusal(error, WORDS), body);
    }
    if (outcome.forwarded)
      return this.pages.done(req, res, `/app/hubs/${hubId}/referrals`, 'referral-forwarded');
    return this.pages.done(
      req,
      res,
      `/app/young-people/${outcome.youngPersonId}`,
      outcome.repeat ? 'referral-added-to-case' : 'referral-received',
      outcome.position,
    );
  }
}
