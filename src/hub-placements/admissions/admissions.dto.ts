import { IsCalendarDate } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  collectionYearOf,
  CURRENT_COLLECTION_YEAR,
  IsSsda903Code,
  IsEnglishLaCode,
  IsUkPostcode,
  normalisePostcode,
} from '#ssda903';
import {
  DISCHARGE_DESTINATIONS,
  type DischargeDestination,
  type EpisodeData,
} from '../hub-placements.events.js';

const BED_ID = /^(planned|emergency)-\d{1,2}$/;
/** UK postcode shape (outward and inward code); full validation belongs to the address service. */

export class EpisodeRequest {
  @ApiProperty({ description: 'SSDA903 RNE (reason for new episode)', example: 'S' })
  @IsSsda903Code('RNE')
  rne!: string;

  @ApiProperty({ description: 'SSDA903 LS (legal status)', example: 'C2' })
  @IsSsda903Code('LS')
  ls!: string;

  @ApiProperty({ description: 'SSDA903 PLACE (K2: children’s home)', example: 'K2' })
  @IsSsda903Code('PLACE')
  place!: string;

  @ApiPropertyOptional({
    description: 'SSDA903 PLACE_PROVIDER; blank for T0-T3 and Z11-Z14',
    example: 'PR1',
  })
  @IsOptional()
  @IsSsda903Code('PLACE_PROVIDER')
  placeProvider?: string;

  @ApiPropertyOptional({ description: 'SSDA903 REASON_PLACE_CHANGE', example: 'CARPL' })
  @IsOptional()
  @IsSsda903Code('REASON_PLACE_CHANGE')
  reasonPlaceChange?: string;

  @ApiProperty({ example: 'YO11 1AA', description: 'The placement’s postcode' })
  @IsUkPostcode()
  postcode!: string;

  @ApiProperty({ description: 'Outside the council’s area' })
  @IsBoolean()
  outOfArea!: boolean;
}

/**
 * The SSDA903 episode as the log keeps it: in the collection year its first day falls in, codes
 * not given as null, the postcode as the directory writes it.
 */
export function episodeOf(r: EpisodeRequest, from: string): EpisodeData {
  return {
    collectionYear: collectionYearOf(from),
    rne: r.rne,
    ls: r.ls,
    place: r.place,
    placeProvider: r.placeProvider ?? null,
    reasonPlaceChange: r.reasonPlaceChange ?? null,
    postcode: normalisePostcode(r.postcode)!,
    outOfArea: r.outOfArea,
  };
}

export class AdmitRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  youngPersonId!: string;

  @ApiPropertyOptional({
    example: 'planned-2',
    description: 'A named bed; otherwise the first free bed of `kind`',
  })
  @IsOptional()
  @Matches(BED_ID, { message: 'bedId must be a bed id such as planned-1 or emergency-2' })
  bedId?: string;

  @ApiPropertyOptional({ enum: ['planned', 'emergency'], default: 'planned' })
  @IsOptional()
  @IsIn(['planned', 'emergency'])
  kind?: 'planned' | 'emergency';

  @ApiProperty({ example: '2026-02-01', format: 'date' })
  @IsCalendarDate()
  from!: string;

  @ApiPropertyOptional({ example: '2026-03-01', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  plannedEnd?: string;

  @ApiProperty({
    type: EpisodeRequest,
    description: `SSDA903 episode data (${CURRENT_COLLECTION_YEAR} codes)`,
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EpisodeRequest)
  episode!: EpisodeRequest;
}

export class DischargeRequest {
  @ApiProperty({ example: '2026-02-20', format: 'date' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ enum: DISCHARGE_DESTINATIONS })
  @IsIn(DISCHARGE_DESTINATIONS)
  destination!: DischargeDestination;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    description: 'SSDA903 REC, when the care episode ends here',
    example: 'E4A',
  })
  @IsOptional()
  @IsSsda903Code('REC')
  rec?: string;

  @ApiPropertyOptional({ description: 'SSDA903 REASON_PLACE_CHANGE', example: 'CARPL' })
  @IsOptional()
  @IsSsda903Code('REASON_PLACE_CHANGE')
  reasonPlaceChange?: string;
}

export class MoveBedRequest {
  @ApiProperty({ example: 'planned-1', description: 'The free bed of the same hub they move to' })
  @Matches(BED_ID, { message: 'toBedId must be a bed id such as planned-1 or emergency-2' })
  toBedId!: string;

  @ApiProperty({ example: '2026-02-10', format: 'date' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ maxLength: 2000, example: 'A planned bed came free' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class LegalStatusRequest {
  @ApiProperty({ example: '2026-02-10', format: 'date', description: 'The day it changed' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: 'C2', description: 'The new SSDA903 legal status' })
  @IsSsda903Code('LS')
  ls!: string;
}

export class BedOutOfUseRequest {
  @ApiProperty({ maxLength: 2000, example: 'Fire damage repairs' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ example: '2026-02-01', format: 'date' })
  @IsCalendarDate()
  from!: string;
}

export class BedBackInUseRequest {
  @ApiProperty({ example: '2026-02-10', format: 'date' })
  @IsCalendarDate()
  on!: string;
}

export class HubRegistrationRequest {
  @ApiProperty({
    example: 'E10000014',
    description: 'The council’s ONS code (the SSDA903 la_code), from the English authorities',
  })
  @IsEnglishLaCode()
  laCode!: string;

  @ApiProperty({ example: 'SC123456', description: 'Ofsted unique reference number' })
  @Matches(/^(SC\d{6}|\d{7})$/, {
    message: 'ofstedUrn must be an Ofsted URN: SC and 6 digits, or 7 digits',
  })
  ofstedUrn!: string;
}

export class StayThresholdRequest {
  @ApiProperty({
    example: 12,
    minimum: 1,
    maximum: 104,
    description: 'Weeks before a residential stay is flagged',
  })
  @IsInt()
  @Min(1)
  @Max(104)
  weeks!: number;
}

export const BED_ID_PATTERN = BED_ID;
