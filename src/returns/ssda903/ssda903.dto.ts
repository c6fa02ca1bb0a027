import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsEnglishLaCode } from '#ssda903';

export class Ssda903Query {
  @ApiPropertyOptional({ example: 'E10000014', description: 'Only the hubs of this council' })
  @IsOptional()
  @IsEnglishLaCode()
  la?: string;
}
