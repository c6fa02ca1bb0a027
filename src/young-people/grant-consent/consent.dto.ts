import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export const USER_ID = /^[A-Za-z0-9._@|:-]{1,200}$/;

export class GrantConsentRequest {
  @ApiProperty({ example: 'visitor-04', description: 'The independent visitor’s user id' })
  @IsString()
  @Matches(USER_ID, { message: 'visitorId must be a user id (letters, digits, . _ @ | : -)' })
  visitorId!: string;

  @ApiProperty({ example: 'Val Visitor', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  visitorName!: string;
}
