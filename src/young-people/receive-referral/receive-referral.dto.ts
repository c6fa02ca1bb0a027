import { IsCalendarDate } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { REFERRAL_CATEGORIES, type ReferralCategory } from '../young-people.events.js';

export class YoungPersonDetails {
  @ApiProperty({ example: 'Jordan', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  givenName!: string;

  @ApiProperty({ example: 'Example', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName!: string;

  @ApiProperty({ example: '2011-04-23', format: 'date' })
  @IsCalendarDate()
  dateOfBirth!: string;
}

export class SocialWorkerDetails {
  @ApiProperty({ example: 'Casey Worker', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'Children in Need East', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  team!: string;
}

export class ReceiveReferralRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  hubId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The young person, when the referrer knows they already have a case here',
  })
  @IsOptional()
  @IsUUID()
  youngPersonId?: string;

  @ApiProperty({ enum: REFERRAL_CATEGORIES })
  @IsIn(REFERRAL_CATEGORIES)
  category!: ReferralCategory;

  @ApiProperty({ type: YoungPersonDetails })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => YoungPersonDetails)
  youngPerson!: YoungPersonDetails;

  @ApiProperty({ type: SocialWorkerDetails, description: 'The allocated social worker (required)' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SocialWorkerDetails)
  socialWorker!: SocialWorkerDetails;

  @ApiProperty({ example: 'Risk of family breakdown', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}

export class ReferralReceivedResponse {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The young person’s case; absent when the referral was forwarded to the hub that holds it',
  })
  youngPersonId?: string;
  @ApiProperty({
    description: 'True when the referral was recorded on an existing case (no new case opened)',
  })
  repeat!: boolean;
  @ApiProperty({
    description:
      'True when the young person’s case is held by another hub: the referral was sent to that hub, whose manager decides; nothing of the case is shown to the referrer',
  })
  forwarded!: boolean;
  @ApiProperty({ description: 'Log position of the write; pass as ?after= to read it back' })
  position!: number;
}
