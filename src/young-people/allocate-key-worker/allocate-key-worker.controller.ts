import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, UuidParam, type RequestContext } from '#platform';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';
import { AllocateKeyWorkerRequest } from './allocate-key-worker.dto.js';
import { AllocateKeyWorkerCommand } from './allocate-key-worker.handler.js';

@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class AllocateKeyWorkerController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/key-worker',
    permission: 'case:allocate',
    summary: 'Allocate (or change) the key worker of an accepted case',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the case as last read' })
  async allocate(
    @UuidParam('id') id: string,
    @Body() body: AllocateKeyWorkerRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    const outcome = await this.commandBus.execute(AllocateKeyWorkerCommand.from(id, body, ctx));
    return caseWriteResponse(res, id, outcome);
  }
}
