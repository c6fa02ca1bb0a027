import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '#platform';
import {
  ETE_STATUSES,
  FGC_STAGES,
  JUSTICE_KINDS,
  RISK_MARKERS,
  type EteStatus,
  type FgcStage,
  type JusticeKind,
  type RiskMarker,
} from '../outcomes.events.js';

class WithNote {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class JusticeRequest extends WithNote {
  @ApiProperty({ enum: JUSTICE_KINDS })
  @IsIn(JUSTICE_KINDS)
  kind!: JusticeKind;

  @ApiProperty({ example: '2026-05-02', format: 'date', description: 'The day it happened' })
  @IsCalendarDate()
  on!: string;
}

export class EducationRequest {
  @ApiProperty({
    enum: ETE_STATUSES,
    description:
      'Under 16: school, school_part_time, not_attending, excluded. 16 and over: education, training, employment, neet',
  })
  @IsIn(ETE_STATUSES)
  status!: EteStatus;

  @ApiProperty({ example: '2026-04-20', format: 'date', description: 'From this day' })
  @IsCalendarDate()
  from!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'School attendance, per cent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  attendance?: number;

  @ApiPropertyOptional({ description: 'Recorded at a review (otherwise: when it changed)' })
  @IsOptional()
  @IsBoolean()
  atReview?: boolean;
}

export class OpenMarkerRequest extends WithNote {
  @ApiProperty({
    enum: RISK_MARKERS,
    description:
      'cse: child sexual exploitation; cce: criminal exploitation; substance_misuse; crisis: A&E or mental health crisis',
  })
  @IsIn(RISK_MARKERS)
  kind!: RiskMarker;

  @ApiProperty({ example: '2026-01-10', format: 'date' })
  @IsCalendarDate()
  on!: string;
}

export class CloseMarkerRequest extends WithNote {
  @ApiProperty({ example: '2026-04-01', format: 'date' })
  @IsCalendarDate()
  on!: string;
}

export class BaselineRequest {
  @ApiProperty({
    minimum: 0,
    maximum: 999,
    description: 'Missing episodes in the 12 months before',
  })
  @IsInt()
  @Min(0)
  @Max(999)
  missingEpisodes!: number;

  @ApiProperty({ minimum: 0, maximum: 999, description: 'Arrests in the 12 months before' })
  @IsInt()
  @Min(0)
  @Max(999)
  arrests!: number;

  @ApiProperty({ minimum: 0, maximum: 99, description: 'Placements in the 12 months before' })
  @IsInt()
  @Min(0)
  @Max(99)
  placements!: number;

  @ApiProperty({ minimum: 0, maximum: 366, description: 'Nights in residential care' })
  @IsInt()
  @Min(0)
  @Max(366)
  residentialNights!: number;

  @ApiProperty({ minimum: 0, maximum: 99, description: 'School exclusions' })
  @IsInt()
  @Min(0)
  @Max(99)
  exclusions!: number;

  @ApiProperty({ maxLength: 500, example: 'Police and children’s services records' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why, when it is recorded again' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ConferenceRequest extends WithNote {
  @ApiProperty({ enum: FGC_STAGES })
  @IsIn(FGC_STAGES)
  stage!: FgcStage;

  @ApiProperty({ example: '2026-01-20', format: 'date' })
  @IsCalendarDate()
  on!: string;
}
