import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { FreshnessQuery } from '#platform';
import { IsEnglishLaCode } from '#ssda903';

/** Which council's hubs, and read-your-writes (`after`) like every read. */
export class Ssda903Query extends FreshnessQuery {
  @ApiPropertyOptional({ example: 'E10000014', description: 'Only the hubs of this council' })
  @IsOptional()
  @IsEnglishLaCode()
  la?: string;
}
