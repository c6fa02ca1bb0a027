import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, UuidParam, type RequestContext } from '#platform';
import { onCase, Requires } from '../../access/index.js';
import { CloseCaseRequest } from './close-case.dto.js';
import { CloseCaseCommand } from './close-case.handler.js';
import { caseWriteResponse, CaseWriteResponse } from '../case-write.response.js';

/** Closing a case. */
@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class CloseCaseController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/close')
  @HttpCode(200)
  @Requires('case:decide', onCase())
  @ApiOperation({ summary: 'Close the case once the young person is 25 (the manager confirms it)' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async close(
    @UuidParam('id') id: string,
    @Body() body: CloseCaseRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(new CloseCaseCommand(id, body, ctx)),
    );
  }
}
