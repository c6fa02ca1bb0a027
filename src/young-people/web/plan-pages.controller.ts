import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
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
import {
  PORTFOLIO_AREAS,
  type GoalStatus,
  type PortfolioArea,
} from '../plan-and-closure.events.js';
import { ReviewPlanRequest, SetGoalRequest } from '../plan/plan.dto.js';
import { ReviewPlanCommand, SetGoalCommand } from '../plan/plan.handlers.js';
import { CasePageFrame } from './case-page-frame.js';

const AREA_NAMES: Record<PortfolioArea, string> = {
  safety: 'Safety',
  rebuilding_relationships: 'Rebuilding relationships',
  accommodation_transitions: 'Accommodation and transitions',
  education_and_training: 'Education and training',
  resilience_and_self_esteem: 'Resilience and self-esteem',
  emotional_health_and_wellbeing: 'Emotional health and wellbeing',
};
const GOAL_STATUS_NAMES: Record<GoalStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

const GOAL_WORDS: FormWords = {
  area: { label: 'the portfolio area of the goal' },
  description: { label: 'what the goal is' },
  targetDate: { label: 'the date to reach it by' },
};
const REVIEW_WORDS: FormWords = {
  kind: { label: 'which plan was reviewed' },
  reviewedOn: { label: 'the date of the review' },
  notes: { label: 'what the review found' },
};

/** The plan: goals by portfolio area with their progress, and its reviews; set and record them. */
@ApiExcludeController()
@Controller('app/young-people')
export class PlanPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly frame: CasePageFrame,
  ) {}

  @Get(':id/plan')
  @Requires('case:read', onCase())
  @LogsAccess('plan page', oneCase)
  async plan(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { summary, frame } = await this.frame.open(req, res, id, 'plan');
    const { values } = frame;
    const careLeaver = summary.category === 'care_leaver';
    return new HtmlDocument(
      id,
      this.pages.page(req, 'plan.njk', {
        title: 'Plan and reviews',
        ...frame,
        goals: summary.plan.goals.map((g) => ({
          area: AREA_NAMES[g.area],
          description: g.description,
          by: ukDate(g.targetDate),
          status: GOAL_STATUS_NAMES[g.status],
        })),
        reviews: [...summary.plan.reviews].reverse().map((r) => ({
          kind: r.kind === 'pathway' ? 'Pathway plan review' : 'Support plan review',
          on: ukDate(r.reviewedOn),
          notes: r.notes,
        })),
        pathwayReviewDue: summary.pathwayReviewDue ? ukDate(summary.pathwayReviewDue) : null,
        mayChange:
          summary.status === 'accepted' && scopeFor(req.user!.roles, 'case:update') !== null,
        areas: PORTFOLIO_AREAS.map((a) => ({
          value: a,
          text: AREA_NAMES[a],
          checked: values.area === a,
        })),
        kinds: [
          { value: 'support', text: 'Support plan', checked: values.kind === 'support' },
          ...(careLeaver
            ? [{ value: 'pathway', text: 'Pathway plan', checked: values.kind === 'pathway' }]
            : []),
        ],
      }),
    );
  }

  @Post(':id/plan/goals')
  @Requires('case:update', onCase())
  async setGoal(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/plan`;
    return this.pages.submit(req, res, {
      back,
      body,
      type: SetGoalRequest,
      dates: { targetDate: 'The date to reach it by' },
      words: GOAL_WORDS,
      command: (value, ctx) => SetGoalCommand.from(id, value, ctx),
      saved: 'goal-set',
    });
  }

  @Post(':id/plan/reviews')
  @Requires('case:update', onCase())
  async review(
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: Record<string, string>,
  ) {
    const back = `/app/young-people/${id}/plan`;
    return this.pages.submit(req, res, {
      back,
      body,
      type: ReviewPlanRequest,
      dates: { reviewedOn: 'The date of the review' },
      words: REVIEW_WORDS,
      command: (value, ctx) => ReviewPlanCommand.from(id, value, ctx),
      saved: 'plan-reviewed',
    });
  }
}
