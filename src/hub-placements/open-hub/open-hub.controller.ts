import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access/index.js';
import type { Response } from 'express';
import { ApiProblems, Ctx, markReplay, type RequestContext } from '#platform';
import { HubOpenedResponse, OpenHubRequest } from './open-hub.dto.js';
import { OpenHubCommand } from './open-hub.handler.js';

@ApiTags('hubs')
@ApiBearerAuth()
@Controller('api/hubs')
export class OpenHubController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('hub:write')
  @ApiOperation({ summary: 'Open a hub with its planned and emergency beds' })
  @ApiCreatedResponse({ type: HubOpenedResponse })
  @ApiProblems(400, 401, 403, 422)
  async open(
    @Body() body: OpenHubRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HubOpenedResponse> {
    const outcome = await this.commandBus.execute(OpenHubCommand.from(body, ctx));
    markReplay(res, outcome);
    return { hubId: outcome.hubId, position: outcome.position };
  }
}
