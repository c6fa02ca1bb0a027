import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, writeResponse, type CommandOutcome } from '#platform';
import { onCase, Requires, type Permission } from '../access/index.js';

/** What every write to a young person's case answers with. */
export class CaseWriteResponse {
  @ApiProperty({ format: 'uuid' }) youngPersonId!: string;
  @ApiProperty({ description: 'The case revision after the write (also in the ETag)' })
  revision!: number;
  @ApiProperty({ description: 'Log position of the write; pass as ?after= to read it back' })
  position!: number;
}

export function caseWriteResponse(
  res: Response,
  youngPersonId: string,
  outcome: CommandOutcome,
): CaseWriteResponse {
  return writeResponse(res, outcome, { youngPersonId });
}

const CASE_WRITE_PROBLEMS = [400, 401, 403, 404, 409, 412];

/**
 * A write to one young person's case (`:id` in the route): the route, its HTTP status, the
 * permission it needs on that case, and its OpenAPI entry answering `CaseWriteResponse` or a
 * problem. One decorator instead of six on every such route.
 */
export function CaseWrite(options: {
  route: string;
  permission: Permission;
  summary: string;
  status?: 200 | 201;
  problems?: number[];
}) {
  return applyDecorators(
    Post(options.route),
    HttpCode(options.status ?? 200),
    Requires(options.permission, onCase()),
    ApiOperation({ summary: options.summary }),
    ApiOkResponse({ type: CaseWriteResponse }),
    ApiProblems(...(options.problems ?? CASE_WRITE_PROBLEMS)),
  );
}
