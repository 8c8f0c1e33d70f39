import type { AuditActor, LeadListQuery } from '@segflow/api-contracts';
import { readsQueryContract } from '../common/accepts-contract';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Actor } from '../auth/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { DEFAULT_ROLES } from '../auth/roles';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { leadScopeOf } from './lead-access.service';
import { LeadDto } from './lead.dto';
import { leadInputSchema } from '@segflow/scoring';
import type { LeadUpsertResult } from '@segflow/api-contracts';
import { LeadsService, MAX_LEADS_PAGE, MAX_LEADS_PER_BATCH } from './leads.service';

// Only the envelope is checked here; items are validated one by one so a bad item never loses the good ones.
const leadsBatchSchema = z.object({ leads: z.array(z.unknown()).min(1).max(MAX_LEADS_PER_BATCH) });
const isBatch = (body: unknown): boolean => typeof body === 'object' && body !== null && 'leads' in body;
const listQuerySchema = readsQueryContract<LeadListQuery>()(
  z.object({
    limit: z.coerce.number().int().min(1).max(MAX_LEADS_PAGE).default(50),
    offset: z.coerce.number().int().min(0).default(0),
    search: z.string().max(200).optional(),
    segmentId: z.uuid().optional(),
    ownerId: z.string().max(128).optional(),
    minScore: z.coerce.number().min(0).max(100).optional(),
  }),
);

@ApiTags('leads')
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: `Upsert one lead, or a batch { leads: [...] } of at most ${MAX_LEADS_PER_BATCH}, by externalId`,
  })
  @ApiBody({ schema: z.toJSONSchema(leadInputSchema) as object })
  async upsert(
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Actor() actor: AuditActor,
  ): Promise<{ results: LeadUpsertResult[] } | LeadUpsertResult> {
    const options = { writer: { actor, source: 'api:leads' } };
    if (isBatch(body))
      return {
        results: await this.leads.upsert(new ZodBodyPipe(leadsBatchSchema).transform(body).leads, new Date(), options),
      };
    const [result] = await this.leads.upsert([body], new Date(), options);
    reply.status(result.status === 'rejected' ? 400 : result.status === 'created' ? 201 : 200);
    return result;
  }

  @Get()
  @Roles(...DEFAULT_ROLES, 'rep')
  @ApiOperation({
    summary: `Newest leads first (reps: only leads they own or have an open task for), with current segment and score; filters: search, segmentId, ownerId, minScore (0–100); limit ≤ ${MAX_LEADS_PAGE}, offset`,
  })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiQuery({ name: 'search', required: false })
  @ApiQuery({ name: 'segmentId', required: false })
  @ApiQuery({ name: 'ownerId', required: false })
  @ApiQuery({ name: 'minScore', required: false })
  list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodBodyPipe(listQuerySchema)) query: z.infer<typeof listQuerySchema>,
  ): Promise<LeadDto[]> {
    return this.leads.list({ ...query, visibleTo: leadScopeOf(user) });
  }
}
