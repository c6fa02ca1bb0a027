import { Body, Controller, Delete, HttpCode, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, ProblemException, UuidParam, type RequestContext } from '#platform';
import { onCase, Requires } from '../../access/index.js';
import { caseWriteResponse, CaseWriteResponse, CaseWrite } from '../case-write.response.js';
import { GrantConsentRequest, USER_ID } from './consent.dto.js';
import { GrantConsentCommand, RevokeConsentCommand } from './consent.handlers.js';

@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class ConsentController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/consents',
    permission: 'case:consent',
    summary: 'Record the young person’s consent for an independent visitor to see their record',
    status: 201,
  })
  async grant(
    @UuidParam('id') id: string,
    @Body() body: GrantConsentRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    const outcome = await this.commandBus.execute(GrantConsentCommand.from(id, body, ctx));
    return caseWriteResponse(res, id, outcome);
  }

  @Delete(':id/consents/:visitorId')
  @HttpCode(200)
  @Requires('case:consent', onCase())
  @ApiOperation({ summary: 'Record that the young person withdrew consent: access ends at once' })
  @ApiOkResponse({ type: CaseWriteResponse })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async revoke(
    @UuidParam('id') id: string,
    @Param('visitorId') visitorId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    if (!USER_ID.test(visitorId)) {
      throw new ProblemException(400, 'REQUEST.MALFORMED_ID', 'visitorId is not a user id', [
        { field: 'visitorId', message: 'must be a user id' },
      ]);
    }
    const outcome = await this.commandBus.execute(RevokeConsentCommand.from(id, visitorId, ctx));
    return caseWriteResponse(res, id, outcome);
  }
}
