import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsInstant } from '#platform';
import {
  CONTACT_KINDS,
  PORTFOLIO_AREAS,
  type ContactKind,
  type PortfolioArea,
} from '../outreach.events.js';

export class PersonPresent {
  @ApiProperty({ example: 'A. Friend', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'friend', maxLength: 60 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  relationship!: string;

  @ApiPropertyOptional({
    description: 'Not a professional: redacted from the young person’s own copy of the record',
    default: true,
  })
  @IsOptional()
  @IsBoolean()
  thirdParty?: boolean;
}

export class FollowUpRequest {
  @ApiProperty({ example: 'Ring the college about the course start', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  action!: string;

  @ApiProperty({ example: '2026-03-09', format: 'date' })
  @IsCalendarDate()
  due!: string;
}

/** Fields a contact has; every one optional so an amendment can send only what changes. */
class ContactFields {
  @ApiPropertyOptional({ example: 'Town centre café', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ example: 45, minimum: 0, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({ type: [PersonPresent] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PersonPresent)
  present?: PersonPresent[];

  @ApiPropertyOptional({ enum: PORTFOLIO_AREAS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PORTFOLIO_AREAS, { each: true })
  portfolioAreas?: PortfolioArea[];

  @ApiPropertyOptional({ type: [FollowUpRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FollowUpRequest)
  followUps?: FollowUpRequest[];
}

export class LogContactRequest extends ContactFields {
  @ApiProperty({
    example: '2026-03-02T18:30:00Z',
    description: 'When it happened; may be hours or days ago, never in the future',
  })
  @IsInstant()
  occurredAt!: string;

  @ApiProperty({ enum: CONTACT_KINDS })
  @IsIn(CONTACT_KINDS)
  kind!: ContactKind;

  @ApiProperty({ example: 'Talked about the college course; agreed to visit on Monday' })
  @IsString()
  @MaxLength(10_000)
  notes!: string;
}

export class AmendContactRequest extends ContactFields {
  @ApiPropertyOptional({ example: '2026-03-02T17:30:00Z' })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional({ example: 'Corrected text' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;

  @ApiProperty({ example: 'Wrong time entered on the phone', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    example: 0,
    description:
      'The version of the contact this corrects (how many corrections it had: `amendments.length` on the timeline); another version is 412 CONTACT.CHANGED_SINCE',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}
