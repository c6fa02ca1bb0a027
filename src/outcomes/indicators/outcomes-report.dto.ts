import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { FreshnessQuery, IsCalendarDate } from '#platform';

export class OutcomesQuery extends FreshnessQuery {
  @ApiProperty({ example: '2025-04-01', format: 'date', description: 'First day of the window' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-03-31', format: 'date', description: 'Last day of the window' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({
    example: '2026-09-30T17:00:00Z',
    description: 'As known at this instant (default: now)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One hub (default: every hub you may see)' })
  @IsOptional()
  @IsUUID()
  hubId?: string;
}
