import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadsFrom, UuidParam } from '#platform';
import { onHubParam, Requires, scopeFor, type WebRequest } from '../../access/index.js';
import { ukDate, WebPages, type FormWords } from '../../web/index.js';
import { CaseloadCount } from '../../young-people/index.js';
import { HubDirectory } from '../hub-directory.js';
import { AddStaffRequest, EndStaffRequest } from '../staff/staff.dto.js';
import { STAFF_ROLE_NAMES, STAFF_ROLES } from '../staff/staff.events.js';
import { AddStaffCommand, EndStaffCommand } from '../staff/staff.handlers.js';

const ADD_WORDS: FormWords = {
  name: { label: 'their name' },
  role: { label: 'their role in the hub' },
  signIn: {
    label: 'how they sign in',
    rules: {
      matches:
        'Enter how they sign in as the sign-in service knows them: letters, digits and . _ @ | : + - only',
    },
  },
  from: { label: 'their first day in the hub' },
};
const END_WORDS: FormWords = {
  on: { label: 'their last day in the hub' },
  reason: { label: 'why they left' },
};

/** The hub's staff list: who works there, their caseloads; add staff and record leavers. */
@ApiExcludeController()
@Controller('app/hubs')
export class StaffPageController {
  constructor(
    private readonly pages: WebPages,
    private readonly hubs: HubDirectory,
    @Inject(CaseloadCount) private readonly caseloads: CaseloadCount,
  ) {}

  @Get(':hubId/staff')
  @Requires('staff:read', onHubParam())
  @ReadsFrom('caseloads')
  async staff(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { errors, values } = this.pages.takeFlash(req, res);
    if (errors.length) res.status(400);
    const [list, counts] = await Promise.all([
      this.hubs.staffList(hubId),
      this.caseloads.byWorkerInHub(hubId),
    ]);
    const caseload = new Map(counts.map((c) => [c.workerId, c.count]));
    const view = (m: (typeof list.members)[number]) => ({
      staffId: m.staffId,
      name: m.name,
      role: STAFF_ROLE_NAMES[m.role],
      signIn: m.signIn,
      since: ukDate(m.from),
      cases: caseload.get(m.signIn) ?? 0,
      left: m.left ? { on: ukDate(m.left.on), reason: m.left.reason } : null,
    });
    // Staff, not young people: nothing here for the access log.
    res.type('html');
    return this.pages.page(req, 'staff.njk', {
      title: 'Staff',
      hubId,
      errors,
      values,
      key: randomUUID(),
      saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      current: list.members.filter((m) => !m.left).map(view),
      former: list.members.filter((m) => m.left).map(view),
      mayChange: scopeFor(req.user!.roles, 'staff:write') !== null,
      roles: STAFF_ROLES.map((r) => ({
        value: r,
        text: STAFF_ROLE_NAMES[r],
        checked: values.role === r,
      })),
    });
  }

  @Post(':hubId/staff')
  @Requires('staff:write', onHubParam())
  async add(
    @UuidParam('hubId') hubId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/staff`,
      body,
      type: AddStaffRequest,
      dates: { from: 'Their first day in the hub' },
      words: ADD_WORDS,
      command: (value, ctx) => AddStaffCommand.from(hubId, value, ctx),
      saved: 'staff-added',
    });
  }

  @Post(':hubId/staff/:staffId/end')
  @Requires('staff:write', onHubParam())
  async end(
    @UuidParam('hubId') hubId: string,
    @UuidParam('staffId') staffId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    return this.pages.submit(req, res, {
      back: `/app/hubs/${hubId}/staff`,
      body,
      type: EndStaffRequest,
      dates: { on: 'Their last day in the hub' },
      words: END_WORDS,
      command: (value, ctx) => EndStaffCommand.from(hubId, staffId, value, ctx),
      saved: 'staff-left',
    });
  }
}
