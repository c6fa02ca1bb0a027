import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '#platform';
import { IsSsda903Code } from '#ssda903';
import {
  LANDLORD_TYPES,
  TENANCY_CONCERNS,
  type LandlordType,
  type TenancyConcern,
} from '../housing.events.js';

export class TargetMove {
  @ApiProperty({ example: 'Supported lodgings', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  to!: string;

  @ApiProperty({ example: '2026-09-01', format: 'date' })
  @IsCalendarDate()
  by!: string;
}

export class SetPlanRequest {
  @ApiProperty({ type: [TargetMove] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TargetMove)
  targetMoves!: TargetMove[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class StartTenancyRequest {
  @ApiProperty({ enum: LANDLORD_TYPES })
  @IsIn(LANDLORD_TYPES)
  landlordType!: LandlordType;

  @ApiProperty({ example: '2026-04-01', format: 'date' })
  @IsCalendarDate()
  start!: string;

  @ApiProperty({ example: 95.5, description: 'Weekly rent in pounds' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000)
  weeklyRent!: number;

  @ApiProperty({ example: 'Flat 2, 1 Example Street', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;
}

export class TenancyConcernRequest {
  @ApiProperty({ enum: TENANCY_CONCERNS })
  @IsIn(TENANCY_CONCERNS)
  concern!: TenancyConcern;

  @ApiProperty({ example: '2026-05-01', format: 'date' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: 'Two weeks behind', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  detail!: string;

  @ApiPropertyOptional({ example: 190, description: 'Arrears owed in pounds (for arrears)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100_000)
  arrears?: number;
}

export class ResolveConcernRequest {
  @ApiProperty({ enum: TENANCY_CONCERNS })
  @IsIn(TENANCY_CONCERNS)
  concern!: TenancyConcern;

  @ApiProperty({ example: '2026-06-01', format: 'date' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: 'Repayment plan kept', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class EndTenancyRequest {
  @ApiProperty({ example: '2026-09-01', format: 'date' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: 'Moved to a council flat', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  planned!: boolean;
}

export class CareLeaverRecordRequest {
  @ApiProperty({ example: 18, minimum: 17, maximum: 21, description: 'Which birthday' })
  @IsInt()
  @Min(17)
  @Max(21)
  age!: number;

  @ApiProperty({ example: 'YES', description: 'SSDA903 IN_TOUCH' })
  @IsSsda903Code('IN_TOUCH')
  inTouch!: string;

  @ApiPropertyOptional({ example: 'F2', description: 'SSDA903 ACTIV (required when in touch)' })
  @IsOptional()
  @IsSsda903Code('ACTIV')
  activ?: string;

  @ApiPropertyOptional({
    example: 'E1',
    description:
      'SSDA903 ACCOM, 2025-26 codes: type letter and 1 suitable or 2 not (required when in touch)',
  })
  @IsOptional()
  @IsSsda903Code('ACCOM')
  accom?: string;
}
