import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DeclineReferralRequest {
  @ApiProperty({ example: 'Needs are met by the locality team', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
