import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '#platform';
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
import { TEAM_ROLES, type TeamRole } from '../young-people.events.js';
import { AddTeamMemberRequest, EndTeamMemberRequest } from '../team/team.dto.js';
import { AddTeamMemberCommand, EndTeamMemberCommand } from '../team/team.handlers.js';
import { HUB_REGISTER, type HubRegister } from '../hub-register.port.js';
import { CasePageFrame } from './case-page-frame.js';

/** The roles as a manager says them. */
export const ROLE_NAMES: Record<TeamRole, string> = {
  portfolio_lead_safety: 'Portfolio lead: safety',
  portfolio_lead_rebuilding_relationships: 'Portfolio lead: rebuilding relationships',
  portfolio_lead_accommodation_transitions: 'Portfolio lead: accommodation and transitions',
  portfolio_lead_education_and_training: 'Portfolio lead: education and training',
  portfolio_lead_resilience_and_self_esteem: 'Portfolio lead: resilience and self-esteem',
  portfolio_lead_emotional_health_and_wellbeing: 'Portfolio lead: emotional health and wellbeing',
  life_coach: 'Life coach',
  communication_support_worker: 'Speech and language (communication support worker)',
  police_liaison: 'Police liaison',
  social_worker: 'Social worker',
  personal_adviser: 'Personal adviser',
  independent_reviewing_officer: 'Independent reviewing officer',
};

const ADD_WORDS: FormWords = {
  role: { label: 'their role in the team' },
  name: { label: 'their name' },
  organisation: { label: 'their organisation' },
  from: { label: 'the date they join the team' },
};
const JOIN = { from: 'The date they join the team' };
const CHOOSE_WHO = { text: 'Select who joins the team', href: '#who' };
const END_WORDS: FormWords = {
  to: { label: 'the date they leave the team' },
  reason: { label: 'why they leave the team' },
};

/** The team around the young person: who is in it now and was before; add and end members. */
@ApiExcludeController()
@Controller('app/young-people')
export class TeamPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly frame: CasePageFrame,
    @Inject(HUB_REGISTER) private readonly hubs: HubRegister,
  ) {}

  @Get(':id/team')
  @Requires('case:read', onCase())
  @LogsAccess('team page', oneCase)
  async team(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { summary, frame } = await this.frame.open(req, res, id, 'team');
    const { values } = frame;
    const member = (m: (typeof summary.team)[number]) => ({
      memberId: m.memberId,
      role: ROLE_NAMES[m.role],
      name: m.name,
      organisation: m.organisation,
      since: ukDate(m.from),
      until: m.to ? ukDate(m.to) : null,
      why: m.endReason,
    });
    const mayChange =
      summary.status === 'accepted' && scopeFor(req.user!.roles, 'case:update') !== null;
    // The hub's own people come from its staff list; anyone else is named by hand.
    const staff = mayChange ? await this.hubs.staffOf(summary.hubId) : [];
    return new HtmlDocument(
      id,
      this.pages.page(req, 'team.njk', {
        title: 'Team',
        ...frame,
        team: summary.team.map(member),
        formerTeam: summary.formerTeam.map(member),
        mayChange,
        who: [
          ...staff.map((m) => ({
            value: `staff:${m.staffId}`,
            text: m.name,
            hint: { text: m.role },
            checked: values.who === `staff:${m.staffId}`,
          })),
          ...(staff.length ? [{ divider: 'or' }] : []),
          { value: 'other', text: 'Someone else', checked: values.who === 'other' },
        ],
        roles: TEAM_ROLES.map((r) => ({
          value: r,
          text: ROLE_NAMES[r],
          checked: values.role === r,
        })),
      }),
    );
  }

  @Post(':id/team')
  @Requires('case:update', onCase())
  async add(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/team`;
    const who = body.who ?? '';
    if (!who) {
      const { errors } = await this.pages.formWithDates(
        AddTeamMemberRequest,
        body,
        JOIN,
        ADD_WORDS,
      );
      // In the page's order: the role, then who, then the rest (the name is asked only of someone else).
      const role = errors.filter((e) => e.href === '#role');
      const rest = errors.filter((e) => !['#role', '#name', '#organisation'].includes(e.href));
      return this.pages.failed(req, res, back, [...role, CHOOSE_WHO, ...rest], body);
    }
    let fields = body;
    if (who.startsWith('staff:')) {
      const summary = await this.frame.summaryOf(id);
      const member = (await this.hubs.staffOf(summary.hubId)).find(
        (m) => `staff:${m.staffId}` === who,
      );
      if (!member) return this.pages.failed(req, res, back, [CHOOSE_WHO], body);
      // Someone from the hub's staff list: their name as the list has it, no other organisation.
      fields = { ...body, name: member.name, organisation: '' }; // '' is no organisation
    }
    return this.pages.submit(req, res, {
      back,
      body: fields,
      type: AddTeamMemberRequest,
      dates: JOIN,
      words: ADD_WORDS,
      command: (value, ctx) => AddTeamMemberCommand.from(id, value, ctx),
      saved: 'team-added',
    });
  }

  @Post(':id/team/:memberId/end')
  @Requires('case:update', onCase())
  async end(
    @UuidParam('id') id: string,
    @UuidParam('memberId') memberId: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/team`;
    return this.pages.submit(req, res, {
      back,
      body: { ...body, memberId },
      type: EndTeamMemberRequest,
      dates: { to: 'The date they leave the team' },
      words: END_WORDS,
      command: (value, ctx) => EndTeamMemberCommand.from(id, { ...value, memberId }, ctx),
      saved: 'team-ended',
    });
  }
}
