import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, UuidParam, writeResponse, type RequestContext } from '#platform';
import { LogsAccess, onCase, oneCase, Requires } from '../../access/index.js';
import { EndOutsideRequest, PlacementOutsideRequest } from './placements-outside.dto.js';
import {
  EndPlacementOutsideCommand,
  RecordPlacementOutsideCommand,
} from './placements-outside.handlers.js';
import { PlacementsOutsideReader } from './placements-outside.reader.js';

/** Placements outside the hub in the young person's period of care, entered by the manager. */
@ApiTags('hub placements')
@ApiBearerAuth()
@Controller('api/young-people')
export class PlacementsOutsideController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: PlacementsOutsideReader,
  ) {}

  @Get(':id/placements-outside')
  @Requires('placement:read', onCase())
  @LogsAccess('placements outside the hub', oneCase)
  @ApiOperation({ summary: 'The placements outside the hub in the young person’s care' })
  @ApiProblems(401, 403, 404)
  async list(@UuidParam('id') id: string) {
    return { youngPersonId: id, placements: await this.reader.of(id) };
  }

  @Post(':id/placements-outside')
  @HttpCode(201)
  @Requires('placement:write', onCase())
  @ApiOperation({
    summary:
      'A placement outside the hub (council foster carers before the hub, a home after), with its SSDA903 episode; ended already when `end` is given',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async record(
    @UuidParam('id') id: string,
    @Body() body: PlacementOutsideRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = RecordPlacementOutsideCommand.from(id, body, ctx);
    return writeResponse(res, await this.commandBus.execute(command), {
      youngPersonId: id,
      placementId: command.input.placementId,
    });
  }

  @Post(':id/placements-outside/:placementId/end')
  @HttpCode(200)
  @Requires('placement:write', onCase())
  @ApiOperation({ summary: 'A placement outside the hub ended, with the SSDA903 reason' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async end(
    @UuidParam('id') id: string,
    @UuidParam('placementId') placementId: string,
    @Body() body: EndOutsideRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return writeResponse(
      res,
      await this.commandBus.execute(EndPlacementOutsideCommand.from(id, placementId, body, ctx)),
      { youngPersonId: id, placementId },
    );
  }
}
