import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '#platform';
import { IsSsda903Code } from '#ssda903';
import { EpisodeRequest } from '../admissions/admissions.dto.js';

export class EndOutsideRequest {
  @ApiProperty({ example: '2025-06-01', format: 'date' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: 'X1', description: 'SSDA903 REC: an E code, or X1 if care goes on' })
  @IsSsda903Code('REC')
  rec!: string;

  @ApiPropertyOptional({ example: 'CARPL', description: 'SSDA903 REASON_PLACE_CHANGE' })
  @IsOptional()
  @IsSsda903Code('REASON_PLACE_CHANGE')
  reasonPlaceChange?: string;
}

export class PlacementOutsideRequest {
  @ApiProperty({ example: 'Council foster carers, Alton', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({ example: '2025-04-01', format: 'date' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ type: EpisodeRequest })
  @ValidateNested()
  @Type(() => EpisodeRequest)
  episode!: EpisodeRequest;

  @ApiPropertyOptional({ example: 'SC654321', description: 'The home’s Ofsted URN, if it has one' })
  @IsOptional()
  @Matches(/^(SC\d{6}|\d{7})$/, {
    message: 'urn must be an Ofsted URN: SC and 6 digits, or 7 digits',
  })
  urn?: string;

  @ApiPropertyOptional({
    type: EndOutsideRequest,
    description: 'When it ended already (a placement before the hub)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EndOutsideRequest)
  end?: EndOutsideRequest;
}
