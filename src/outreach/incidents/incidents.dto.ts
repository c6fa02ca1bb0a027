import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '#platform';
import {
  INCIDENT_KINDS,
  NOTIFY_RECIPIENTS,
  type IncidentKind,
  type NotifyRecipient,
} from '../outreach.events.js';

export class PersonInvolved {
  @ApiProperty({ example: 'Staff member', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'residential worker', maxLength: 60 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  role!: string;

  @ApiPropertyOptional({ default: true, description: 'Redacted from the young person’s copy' })
  @IsOptional()
  @IsBoolean()
  thirdParty?: boolean;
}

export class RecordIncidentRequest {
  @ApiProperty({ enum: INCIDENT_KINDS })
  @IsIn(INCIDENT_KINDS)
  kind!: IncidentKind;

  @ApiProperty({ example: '2026-03-02T21:00:00Z' })
  @IsInstant()
  occurredAt!: string;

  @ApiProperty({ example: 'Police called to the hub after a fight', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Police involvement: the registered person judges it serious (reg. 40(4)(d))',
  })
  @IsOptional()
  @IsBoolean()
  serious?: boolean;

  @ApiPropertyOptional({ type: [PersonInvolved] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PersonInvolved)
  involved?: PersonInvolved[];
}

export class RecordNotificationRequest {
  @ApiProperty({ enum: NOTIFY_RECIPIENTS })
  @IsIn(NOTIFY_RECIPIENTS)
  recipient!: NotifyRecipient;

  @ApiProperty({ example: '2026-03-03T09:00:00Z' })
  @IsInstant()
  notifiedAt!: string;

  @ApiProperty({ example: 'Ofsted online notification form', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  method!: string;

  @ApiPropertyOptional({ example: 'OFS-123456', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference?: string;
}
