import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { onCase, Requires } from '../../access/index.js';
import type { Response } from 'express';
import { ApiProblems, Ctx, UuidParam, type RequestContext } from '#platform';
import { caseWriteResponse, CaseWriteResponse } from '../case-write.response.js';
import { AllocateKeyWorkerRequest } from './allocate-key-worker.dto.js';
import { AllocateKeyWorkerCommand } from './allocate-key-worker.handler.js';

@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class AllocateKeyWorkerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/key-worker')
  @HttpCode(200)
  @Requires('case:allocate', onCase())
  @ApiOperation({ summary: 'Allocate (or change) the key worker of an accepted case' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the case as last read' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async allocate(
    @UuidParam('id') id: string,
    @Body() body: AllocateKeyWorkerRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    const outcome = await this.commandBus.execute(new AllocateKeyWorkerCommand(id, body, ctx));
    return caseWriteResponse(res, id, outcome);
  }
}
