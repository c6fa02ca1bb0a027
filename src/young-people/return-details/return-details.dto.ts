import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '#platform';
import { IsSsda903Code, IsUkPostcode, IsUpn } from '#ssda903';

export class RecordReturnDetailsRequest {
  @ApiProperty({
    example: 'HC01234',
    maxLength: 10,
    description: 'The council’s own child id: the same in every year’s return',
  })
  @Matches(/^[A-Za-z0-9]{1,10}$/, {
    message: 'childId must be the council’s child id: 1 to 10 letters and digits',
  })
  childId!: string;

  @ApiProperty({ enum: ['M', 'F'] })
  @IsIn(['M', 'F'], { message: 'sex must be M or F' })
  sex!: 'M' | 'F';

  @ApiProperty({ example: 'WBRI', description: 'The DfE’s ethnicity code' })
  @IsSsda903Code('ETHNIC')
  ethnicity!: string;

  @ApiPropertyOptional({ example: 'A123456789012', nullable: true })
  @IsOptional()
  @IsUpn()
  upn?: string | null;

  @ApiPropertyOptional({ enum: ['UN1', 'UN2', 'UN3', 'UN4', 'UN5'], nullable: true })
  @IsOptional()
  @IsSsda903Code('UPN_REASON')
  upnReason?: string | null;

  @ApiPropertyOptional({ enum: ['0', '1'], nullable: true, description: 'For a girl only' })
  @IsOptional()
  @IsIn(['0', '1'], { message: 'mother must be 0 (no) or 1 (yes)' })
  mother?: '0' | '1' | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  babyDateOfBirth?: string | null;

  @ApiProperty({ example: 'N4', description: 'Category of need (N1 to N8)' })
  @IsSsda903Code('CIN')
  cin!: string;

  @ApiProperty({ example: 'SO23 8UJ', description: 'Where the young person lived before care' })
  @IsUkPostcode()
  homePostcode!: string;

  @ApiPropertyOptional({ default: false, description: 'Unaccompanied asylum-seeking child' })
  @IsOptional()
  @IsBoolean()
  uasc?: boolean;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @ValidateIf((r: RecordReturnDetailsRequest) => r.uasc === true && r.uascCeasedOn != null)
  @IsCalendarDate()
  uascCeasedOn?: string | null;
}
