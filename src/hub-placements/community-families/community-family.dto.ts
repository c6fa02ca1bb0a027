import { IsCalendarDate } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsSsda903Code } from '#ssda903';
import { EpisodeRequest } from '../admissions/admissions.dto.js';

export class AgeRange {
  @ApiProperty({ example: 12 }) @IsInt() @Min(0) @Max(25) min!: number;
  @ApiProperty({ example: 17 }) @IsInt() @Min(0) @Max(25) max!: number;
}

export class RegisterFamilyRequest {
  @ApiProperty({ example: 'The Example family', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: '2026-01-10', format: 'date' })
  @IsCalendarDate()
  approvedOn!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 6 })
  @IsInt()
  @Min(1)
  @Max(6)
  capacity!: number;

  @ApiProperty({ type: AgeRange })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AgeRange)
  ageRange!: AgeRange;
}

export class PlaceWithFamilyRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  youngPersonId!: string;

  @ApiProperty({ example: '2026-03-02', format: 'date' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    type: EpisodeRequest,
    description: 'SSDA903 episode data (fostering: PLACE U1 to U6)',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EpisodeRequest)
  episode!: EpisodeRequest;
}

export class EndFamilyPlacementRequest {
  @ApiProperty({ example: '2026-04-01', format: 'date' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'SSDA903 REC, when the care episode ends here' })
  @IsOptional()
  @IsSsda903Code('REC')
  rec?: string;

  @ApiPropertyOptional({ description: 'SSDA903 REASON_PLACE_CHANGE' })
  @IsOptional()
  @IsSsda903Code('REASON_PLACE_CHANGE')
  reasonPlaceChange?: string;
}
