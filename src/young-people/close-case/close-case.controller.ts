import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, UuidParam, type RequestContext } from '#platform';
import { CloseCaseRequest } from './close-case.dto.js';
import { CloseCaseCommand } from './close-case.handler.js';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';

/** Closing a case. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class CloseCaseController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/close',
    permission: 'case:decide',
    summary: 'Close the case once the young person is 25 (the manager confirms it)',
  })
  async close(
    @UuidParam('id') id: string,
    @Body() body: CloseCaseRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(CloseCaseCommand.from(id, body, ctx)),
    );
  }
}
