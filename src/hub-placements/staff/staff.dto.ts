import { IsCalendarDate } from '#platform';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from './staff.events.js';

/** A sign-in identity: an OIDC subject or e-mail claim, or a demo user's id. */
const SIGN_IN = /^[A-Za-z0-9._@|:+-]{1,200}$/;

export class AddStaffRequest {
  @ApiProperty({ example: 'Sam Okafor', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES, description: 'Their role in the hub' })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiProperty({
    example: 'kw-sam',
    description:
      'How they sign in: the identity provider’s subject or e-mail claim, or a demo user’s id',
  })
  @IsString()
  @Matches(SIGN_IN, { message: 'signIn must be a sign-in identity' })
  signIn!: string;

  @ApiProperty({ example: '2026-04-01', format: 'date', description: 'Their first day in the hub' })
  @IsCalendarDate()
  from!: string;
}

export class EndStaffRequest {
  @ApiProperty({ example: '2026-09-30', format: 'date', description: 'Their last day in the hub' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: 'Moved to another council', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class StaffMemberView {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty() signIn!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ nullable: true, type: Object, example: null })
  left!: { on: string; reason: string } | null;
}

export class StaffListResponse {
  @ApiProperty({ type: [StaffMemberView] }) staff!: StaffMemberView[];
}
