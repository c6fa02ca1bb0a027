import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '#platform';
import { IsSsda903Code } from '#ssda903';
import {
  ACCOMMODATION_TYPES,
  LANDLORD_TYPES,
  MOVE_ON_TYPES,
  OPTION_KINDS,
  TENANCY_CONCERNS,
  type AccommodationType,
  type LandlordType,
  type MoveOnType,
  type OptionKind,
  type TenancyConcern,
} from './housing.events.js';

export class OptionAgeRange {
  @ApiProperty({ example: 16 }) @IsInt() @Min(0) @Max(25) min!: number;
  @ApiProperty({ example: 21 }) @IsInt() @Min(0) @Max(25) max!: number;
}

export class RegisterOptionRequest {
  @ApiProperty({ enum: OPTION_KINDS })
  @IsIn(OPTION_KINDS)
  kind!: OptionKind;

  @ApiProperty({ example: 'Host: the Example household', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 2, description: 'Rooms, units or places', minimum: 1, maximum: 200 })
  @IsInt()
  @Min(1)
  @Max(200)
  capacity!: number;

  @ApiProperty({ type: OptionAgeRange })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OptionAgeRange)
  ageRange!: OptionAgeRange;

  @ApiPropertyOptional({ example: '2026-01-10', description: 'Supported lodgings: host approval' })
  @IsOptional()
  @IsCalendarDate()
  approvedOn?: string;

  @ApiPropertyOptional({ example: '2099999', description: 'Supported accommodation: Ofsted URN' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  ofstedRegistration?: string;

  @ApiPropertyOptional({ enum: MOVE_ON_TYPES })
  @IsOptional()
  @IsIn(MOVE_ON_TYPES)
  moveOnType?: MoveOnType;
}

export class SuspendOptionRequest {
  @ApiProperty({ example: 'Host unwell', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ example: '2026-03-01', format: 'date' })
  @IsCalendarDate()
  on!: string;
}

export class OfstedRegistrationRequest {
  @ApiProperty({ example: '2099999', maxLength: 40 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  reference!: string;

  @ApiProperty({ example: '2026-02-01', format: 'date' })
  @IsCalendarDate()
  registeredOn!: string;
}

export class MoveRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'One of the hub’s housing options' })
  @ValidateIf((o: MoveRequest) => o.accommodation === undefined)
  @IsUUID()
  optionId?: string;

  @ApiPropertyOptional({ enum: ACCOMMODATION_TYPES, description: 'Anywhere else (not an option)' })
  @ValidateIf((o: MoveRequest) => o.optionId === undefined)
  @IsIn(ACCOMMODATION_TYPES)
  accommodation?: AccommodationType;

  @ApiPropertyOptional({ example: 'Back with aunt', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiProperty({ example: '2026-03-01', format: 'date' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: 'Ready for more independence', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ example: true, description: 'Planned move (false: unplanned, e.g. a breakdown)' })
  @IsBoolean()
  planned!: boolean;
}

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
