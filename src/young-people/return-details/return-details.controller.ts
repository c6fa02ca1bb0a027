import { Body, Controller, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, UuidParam, type RequestContext } from '#platform';
import { RecordReturnDetailsRequest } from './return-details.dto.js';
import { RecordReturnDetailsCommand } from './return-details.handler.js';
import { caseWriteResponse, CaseWrite, CaseWriteResponse } from '../case-write.response.js';

@ApiTags('young people')
@ApiBearerAuth()
@Controller('api/young-people')
export class ReturnDetailsController {
  constructor(private readonly commandBus: CommandBus) {}

  @CaseWrite({
    route: ':id/return-details',
    permission: 'case:decide',
    summary:
      'Record what the SSDA903 return needs that the referral does not say (child id, sex, ethnicity, UPN, mother, category of need, home postcode, UASC)',
  })
  async record(
    @UuidParam('id') id: string,
    @Body() body: RecordReturnDetailsRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseWriteResponse> {
    return caseWriteResponse(
      res,
      id,
      await this.commandBus.execute(RecordReturnDetailsCommand.from(id, body, ctx)),
    );
  }
}
