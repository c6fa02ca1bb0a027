import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandOutcome } from './event-sourced-commands.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: the problem names each field at fault',
  401: 'No valid bearer token',
  403: 'Not allowed for this role or scope',
  404: 'No such record',
  409: 'A business rule refused it (the code names the rule)',
  412: 'If-Match is stale: the record changed since it was read',
  422: 'Well-formed but refused (the code names the rule or field)',
  503: 'Read models have not caught up with ?after= in time',
};

const PROBLEM_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', example: 'REQUEST.MALFORMED_ID' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** Documents the problem+json answers an endpoint can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
}

/** Tells the client a response is the replay of an earlier request with the same key. */
export function markReplay(res: Response, outcome: CommandOutcome): void {
  if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
}

/**
 * The answer to a write on one stream: the body, the stream's new revision (also the ETag, for
 * If-Match) and the log position (for ?after=), marked when it replays an earlier request.
 */
export function writeResponse<B extends object>(
  res: Response,
  outcome: CommandOutcome,
  body: B,
): B & { revision: number; position: number } {
  markReplay(res, outcome);
  res.setHeader('ETag', `"${outcome.revision}"`);
  return { ...body, revision: outcome.revision, position: outcome.position };
}
