import { ApiProperty } from '@nestjs/swagger';
import type { Response } from 'express';
import { writeResponse, type CommandOutcome } from '#platform';

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
