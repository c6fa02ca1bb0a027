import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '#platform';
import {
  INTERVIEW_OUTCOMES,
  type InterviewOutcome,
  type MissingCategory,
} from '../outreach.events.js';

export class ReportMissingRequest {
  @ApiProperty({
    enum: ['M', 'A'],
    description: 'SSDA903: M missing, A away without authorisation',
  })
  @IsIn(['M', 'A'])
  category!: MissingCategory;

  @ApiProperty({ example: '2026-03-02T22:00:00Z' })
  @IsInstant()
  startedAt!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  policeInformed!: boolean;

  @ApiPropertyOptional({ example: 'NYP-2026-0001', maxLength: 60 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  policeReference?: string;

  @ApiProperty({ example: 'Did not come back after college', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  circumstances!: string;
}

export class UpdateMissingRequest {
  @ApiProperty({ example: 'Seen near the station by a friend', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({ example: 'NYP-2026-0001', maxLength: 60 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  policeReference?: string;
}

export class RecordReturnRequest {
  @ApiProperty({ example: '2026-03-03T09:15:00Z' })
  @IsInstant()
  returnedAt!: string;

  @ApiProperty({ example: 'Returned to the hub by police', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  whereFound!: string;
}

export class RecordInterviewRequest {
  @ApiProperty({ enum: INTERVIEW_OUTCOMES })
  @IsIn(INTERVIEW_OUTCOMES)
  outcome!: InterviewOutcome;

  @ApiProperty({ example: '2026-03-04T10:00:00Z' })
  @IsInstant()
  at!: string;

  @ApiPropertyOptional({ example: 'Independent RHI worker', maxLength: 120 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  by?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}
