import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ProblemException } from './problem.js';
import { IsCalendarDate, IsLogPosition } from './validation.js';

/** The query every list in the API takes: a page size, a cursor, and read-your-writes. */
export class ListQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50, description: 'Page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor returned by this API' })
  cursor?: string;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Wait until the read model has caught up with this position (from a write)',
  })
  @IsOptional()
  @IsLogPosition()
  after?: number;
}

/** Only read-your-writes, for queries that are not lists. */
export class FreshnessQuery {
  @ApiPropertyOptional({ minimum: 0, description: 'Wait until the data reflects this position' })
  @IsOptional()
  @IsLogPosition()
  after?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;

/** An opaque cursor: the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === 'string' || typeof k === 'number')
    ) {
      return key as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new ProblemException(400, 'PAGING.CURSOR_INVALID', 'cursor is not one this list returned', [
    { field: 'cursor', message: 'must be a nextCursor returned by this list' },
  ]);
}

/** Given `limit + 1` rows, the page and the cursor of the next one. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => (string | number)[],
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: more ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}

/** A period of whole days, `from` counted and `to` not (`?from=2026-01-01&to=2026-04-01`). */
export class PeriodQuery extends FreshnessQuery {
  @ApiProperty({ example: '2026-01-01', format: 'date', description: 'First day counted' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-04-01', format: 'date', description: 'First day not counted' })
  @IsCalendarDate()
  to!: string;
}
