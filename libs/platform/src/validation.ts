import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A date as YYYY-MM-DD that exists in the calendar (2026-02-30 is refused), naming the field. */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
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
