import { Inject, Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  Access,
  LogsAccess,
  pageOfCases,
  Requires,
  scopedList,
  type AccessScope,
} from '../../access/index.js';
import { IsIn, IsOptional } from 'class-validator';
import {
  ApiProblems,
  DEFAULT_PAGE_SIZE,
  ListQuery,
  ReadsFrom,
  UuidParam,
  type Page,
} from '#platform';
import { DomainError } from '#kernel';
import { HUB_REGISTER, type HubRegister } from '../hub-register.port.js';
import {
  GetReferralQueue,
  REFERRAL_STATUSES,
  type QueuedReferral,
  type ReferralStatus,
} from './referral-queue.query.js';

export class ReferralQueueQuery extends ListQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;
}

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/hubs')
export class ReferralQueueController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(HUB_REGISTER) private readonly hubs: HubRegister,
  ) {}

  @Get(':hubId/referrals')
  @Requires('case:read', scopedList())
  @LogsAccess('referral queue', pageOfCases)
  @ReadsFrom('referral_queue')
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOperation({
    summary: 'A hub’s referral queue, oldest first, filtered by status',
    description:
      '`status=referred` lists the referrals awaiting a decision: cases being screened, and any case with a referral still to confirm as the same young person (including referrals another hub forwarded here).',
  })
  @ApiProblems(400, 401, 403, 404, 503)
  async queue(
    @UuidParam('hubId') hubId: string,
    @Query() query: ReferralQueueQuery,
    @Access() access: AccessScope,
  ): Promise<Page<QueuedReferral>> {
    if ((await this.hubs.statusOf(hubId)) === 'none') {
      throw new DomainError('HUB.NOT_FOUND', `no hub ${hubId}`, 404, 'hubId');
    }
    // A visitor's rows are kept to those who consented by the access log's interceptor.
    return this.queryBus.execute(
      new GetReferralQueue(
        hubId,
        query.status,
        query.limit ?? DEFAULT_PAGE_SIZE,
        query.cursor,
        access,
      ),
    );
  }
}
