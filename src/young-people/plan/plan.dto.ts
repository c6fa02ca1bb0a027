import { IsCalendarDate } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  GOAL_STATUSES,
  PLAN_KINDS,
  PORTFOLIO_AREAS,
  type GoalStatus,
  type PlanKind,
  type PortfolioArea,
} from '../plan-and-closure.events.js';

export class SetGoalRequest {
  @ApiProperty({ enum: PORTFOLIO_AREAS })
  @IsIn(PORTFOLIO_AREAS)
  area!: PortfolioArea;

  @ApiProperty({ example: 'Start a college course in September', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ example: '2026-09-01', format: 'date' })
  @IsCalendarDate()
  targetDate!: string;
}

export class GoalStatusRequest {
  @ApiProperty({ enum: GOAL_STATUSES })
  @IsIn(GOAL_STATUSES)
  status!: GoalStatus;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReviewPlanRequest {
  @ApiProperty({ enum: PLAN_KINDS, description: 'pathway: a care leaver’s pathway plan' })
  @IsIn(PLAN_KINDS)
  kind!: PlanKind;

  @ApiProperty({ example: '2026-04-01', format: 'date' })
  @IsCalendarDate()
  reviewedOn!: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  notes!: string;
}
