import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsInstant, IsLogPosition } from '#platform';
import { MODULES, type Module } from './chronology.js';

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2026-03-04T18:00:00Z',
    description: 'Fold only events recorded up to this instant: what was known then',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Fold the log up to this revision of the case' })
  @IsOptional()
  @IsLogPosition()
  revision?: number;
}

export class ChronologyQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: MODULES })
  @IsOptional()
  @IsIn(MODULES)
  module?: Module;

  @ApiPropertyOptional({ example: 'ContactLogged', description: 'An event kind' })
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z0-9]{1,60}$/, {
    message: 'kind must be an event kind such as ContactLogged',
  })
  kind?: string;

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z', description: 'Happened at or after' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01T00:00:00Z', description: 'Happened before' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class FieldHistoryQuery extends AsOfQuery {
  @ApiPropertyOptional({
    example: 'keyWorker',
    description:
      'status, givenName, familyName, dateOfBirth, socialWorker, keyWorker, team, legalStatus, placement, accommodation, or contacts.<contactId>.notes (occurredAt, kind, location, durationMinutes)',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9.-]{1,80}$/, { message: 'field must be a field name' })
  field!: string;
}

export class RecordQuery {
  @ApiPropertyOptional({ enum: ['html', 'json', 'pdf'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'json', 'pdf'])
  format?: 'html' | 'json' | 'pdf';
}
