import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, onHubInBody, Requires, type AccessScope } from '../../access/index.js';
import type { Response } from 'express';
import { ApiProblems, Ctx, markReplay, type RequestContext } from '#platform';
import { ReceiveReferralRequest, ReferralReceivedResponse } from './receive-referral.dto.js';
import { ReceiveReferralCommand } from './receive-referral.handler.js';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/referrals')
export class ReceiveReferralController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('case:refer', onHubInBody())
  @ApiOperation({
    summary: 'Refer a young person (12 to 25) to a hub: opens their case',
    description:
      'Send an Idempotency-Key header to make retries safe. A young person whose case another hub holds keeps that one case: the referral goes to that hub (202, `forwarded`) and nothing of the case is returned.',
  })
  @ApiCreatedResponse({ type: ReferralReceivedResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  async receive(
    @Body() body: ReceiveReferralRequest,
    @Ctx() ctx: RequestContext,
    @Access() access: AccessScope,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReferralReceivedResponse> {
    const outcome = await this.commandBus.execute(ReceiveReferralCommand.from(body, ctx, access));
    markReplay(res, outcome);
    if (outcome.forwarded) {
      res.status(202);
      return { repeat: true, forwarded: true, position: outcome.position };
    }
    res.setHeader('ETag', `"${outcome.revision}"`);
    res.setHeader('Location', `/api/young-people/${outcome.youngPersonId}`);
    return {
      youngPersonId: outcome.youngPersonId,
      repeat: outcome.repeat,
      forwarded: false,
      position: outcome.position,
    };
  }
}
