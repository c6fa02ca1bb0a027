import { IsCalendarDate } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEAM_ROLES, type TeamRole } from '../young-people.events.js';

export class AddTeamMemberRequest {
  @ApiProperty({ enum: TEAM_ROLES })
  @IsIn(TEAM_ROLES)
  role!: TeamRole;

  @ApiProperty({ example: 'Sky Lead', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({
    example: 'Example Police',
    maxLength: 120,
    description: 'For people outside the hub',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  organisation?: string;

  @ApiProperty({ example: '2026-04-01', format: 'date' })
  @IsCalendarDate()
  from!: string;
}

export class EndTeamMemberRequest {
  @ApiProperty({ example: '2026-06-30', format: 'date' })
  @IsCalendarDate()
  to!: string;

  @ApiProperty({ example: 'Moved to another team', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ChangeTeamMemberRequest {
  @ApiProperty({ example: 'Sky Lead', maxLength: 120, description: 'Who takes over the role' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  organisation?: string;

  @ApiProperty({ example: '2026-07-01', format: 'date', description: 'The handover date' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: 'Handover after maternity leave', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
