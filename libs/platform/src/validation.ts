import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';

/** A date as YYYY-MM-DD that exists in the calendar (2026-02-30 is refused), naming the field. */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

/**
 * A revision or log position in a query string: a whole number from 0 that fits the log's bigint
 * (a larger one is 400 naming the field, never a database error).
 */
export const IsLogPosition = () =>
  applyDecorators(
    Type(() => Number),
    IsInt({ message: '$property must be a whole number' }),
    Min(0),
    Max(Number.MAX_SAFE_INTEGER, {
      message: `$property must be at most ${Number.MAX_SAFE_INTEGER}`,
    }),
  );

/** An instant with a time zone (2026-03-02T18:30:00Z or +01:00), naming the field. */
export const IsInstant = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be an instant with a time zone, such as 2026-03-02T18:30:00Z',
    }),
    IsISO8601({ strict: true }, { message: '$property must be a real date and time' }),
  );

/** The same instant in one form (UTC, milliseconds), so instants compare as text. */
export const toInstant = (value: string) => new Date(value).toISOString();
