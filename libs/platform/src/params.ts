import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from './problem.js';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ProblemException(400, 'REQUEST.MALFORMED_ID', `${name} must be a UUID`, [
          { field: name, message: 'must be a UUID' },
        ]),
    }),
  );
