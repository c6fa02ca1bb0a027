import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import { ageOn } from '#kernel';
import { HtmlDocument, scopeFor } from '../../access/index.js';
import {
  Access,
  ConsentFilter,
  LogsAccess,
  onCase,
  oneCase,
  pageOfCases,
  Requires,
  scopedList,
  type AccessScope,
  type WebRequest,
} from '../../access/index.js';
import { AcceptReferralCommand } from '../accept-referral/accept-referral.handler.js';
import { AllocateKeyWorkerRequest } from '../allocate-key-worker/allocate-key-worker.dto.js';
import { AllocateKeyWorkerCommand } from '../allocate-key-worker/allocate-key-worker.handler.js';
import { DeclineReferralRequest } from '../decline-referral/decline-referral.dto.js';
import { DeclineReferralCommand } from '../decline-referral/decline-referral.handler.js';
import { GetReferralQueue } from '../referral-queue/referral-queue.query.js';
import { dateFields, WebPages, youngPeopleInPage, type FormWords } from '../../web/index.js';
import { CaseloadCount } from '../caseload/caseload-count.js';
import { CasePageFrame } from './case-page-frame.js';
import { HUB_REGISTER, type HubRegister } from '../hub-register.port.js';

const DECLINE_WORDS: FormWords = {
  reason: { label: 'a reason for declining the referral' },
};
const ALLOCATE_WORDS: FormWords = {
  workerId: { label: 'a key worker', rules: { required: 'Select a key worker' } },
  workerName: { label: 'a key worker', rules: { required: 'Select a key worker' } },
  reason: { label: 'the reason for the change' },
  overrideReason: { label: 'why they may hold more young people than the limit' },
};

/** The hub manager's pages about young people: referrals, a case with key worker allocation. */
@ApiExcludeController()
@Controller('app')
export class CasePagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly consent: ConsentFilter,
    private readonly caseloads: CaseloadCount,
    private readonly frame: CasePageFrame,
    @Inject(HUB_REGISTER) private readonly hubs: HubRegister,
  ) {}

  @Get('hubs/:hubId/referrals')
  @Requires('case:read', scopedList())
  @ReadsFrom('referral_queue')
  @LogsAccess('referral queue page', youngPeopleInPage)
  async referrals(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Access() access: AccessScope,
  ) {
    const { response: queue } = await this.consent.keep(
      access,
      await this.queryBus.execute(new GetReferralQueue(hubId, 'referred', 100, undefined, access)),
      pageOfCases,
    );
    return new HtmlDocument(
      '',
      this.pages.page(req, 'referrals.njk', {
        title: 'Referrals',
        hubId,
        referrals: queue.items,
        saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      }),
    );
  }

  private async casePage(req: WebRequest, res: Response, id: string) {
    const { summary, frame } = await this.frame.open(req, res, id, 'summary');
    const workers = await this.keyWorkersOf(summary.hubId);
    return new HtmlDocument(
      id,
      this.pages.page(req, 'case.njk', {
        title: `${summary.youngPerson.givenName} ${summary.youngPerson.familyName}`,
        ...frame,
        mayDecide: scopeFor(req.user!.roles, 'case:decide') !== null,
        mayAllocate: scopeFor(req.user!.roles, 'case:allocate') !== null,
        reached25: ageOn(summary.youngPerson.dateOfBirth, new Date().toISOString()) >= 25,
        // The correction form starts from the date of birth as recorded.
        values: { ...dateFields('dateOfBirth', summary.youngPerson.dateOfBirth), ...frame.values },
        workers,
      }),
    );
  }

  /** The hub's staff, with the young people each holds, fewest first: who a case can go to. */
  private async keyWorkersOf(hubId: string) {
    const [staff, counts] = await Promise.all([
      this.hubs.staffOf(hubId),
      this.caseloads.byWorkerInHub(hubId),
    ]);
    const held = new Map(counts.map((c) => [c.workerId, c.count]));
    return staff
      .map((s) => ({ ...s, count: held.get(s.signIn) ?? 0 }))
      .sort((a, b) => a.count - b.count || a.name.localeCompare(b.name));
  }

  @Get('young-people/:id')
  @Requires('case:read', onCase())
  @LogsAccess('case page', oneCase)
  casePageGet(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.casePage(req, res, id);
  }

  @Post('young-people/:id/accept')
  @Requires('case:decide', onCase())
  async accept(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}`;
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, {});
      await this.commandBus.execute(AcceptReferralCommand.from(id, ctx));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error), {});
    }
    return this.pages.done(req, res, back);
  }

  @Post('young-people/:id/decline')
  @Requires('case:decide', onCase())
  async decline(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}`;
    const { value, errors } = await this.pages.form(DeclineReferralRequest, body, DECLINE_WORDS);
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      await this.commandBus.execute(DeclineReferralCommand.from(id, value.reason, ctx));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error), body);
    }
    return this.pages.done(req, res, `/app/hubs/${req.user!.hubs[0] ?? ''}/referrals`);
  }

  /** The worker comes from the hub's staff list (sign-in|name); past the limit needs a reason. */
  @Post('young-people/:id/key-worker')
  @Requires('case:allocate', onCase())
  async allocate(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}`;
    const [workerId, workerName] = String(body.worker ?? '').split('|');
    const { worker: _w, ...rest } = body;
    const fields = { ...rest, workerId, workerName };
    const { value, errors } = await this.pages.form(
      AllocateKeyWorkerRequest,
      fields,
      ALLOCATE_WORDS,
    );
    if (errors.length) return this.pages.failed(req, res, back, errors, body);
    try {
      const ctx = this.pages.context(req, body.idempotencyKey, value);
      await this.commandBus.execute(AllocateKeyWorkerCommand.from(id, value, ctx));
    } catch (error) {
      return this.pages.failed(req, res, back, this.pages.refusal(error), body);
    }
    return this.pages.done(req, res, back, 'nwd-form:allocate');
  }
}
