import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
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
import {
  ACCOMMODATION_TYPES,
  MOVE_ON_TYPES,
  OPTION_KINDS,
  type AccommodationType,
  type MoveOnType,
  type OptionKind,
} from '../housing.events.js';

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
