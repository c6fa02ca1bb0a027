import { IsCalendarDate } from '#platform';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class StepAwayRequest {
  @ApiProperty({ example: 'Settled at home; school attendance good', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ example: '2026-09-01', format: 'date' })
  @IsCalendarDate()
  on!: string;
}

export class ReopenCaseRequest {
  @ApiProperty({ example: 'Placement at risk again', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
