import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  MAX_LOOKALIKE_PAGE,
  MAX_LOOKALIKE_SIZE,
  MIN_CONVERTED_FOR_LOOKALIKES,
  type AuditActor,
  type EnrolLookalikesResultDto,
  type LookalikeListDetailDto,
  type LookalikeListDto,
} from '@segflow/api-contracts';
import { Actor } from '../auth/audit-actor';
import { Roles } from '../auth/auth.decorators';
import { jsonSchemaOf } from '../common/json-schema-of';
import { UuidParamPipe } from '../common/param-pipes';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import {
  createLookalikeSchema,
  enrolLookalikesSchema,
  lookalikeMembersQuerySchema,
  type CreateLookalikeBody,
  type EnrolLookalikesBody,
  type LookalikeMembersQueryInput,
} from './lookalike.dto';
import { LookalikesService } from './lookalikes.service';

@ApiTags('lookalikes')
@Controller('lookalikes')
@Roles('ops')
export class LookalikesController {
  constructor(private readonly lookalikes: LookalikesService) {}

  @Post()
  @ApiOperation({
    summary: `Rank non-customers by similarity to converted leads and save the top \`size\` (≤ ${MAX_LOOKALIKE_SIZE}) as a list; 422 with fewer than ${MIN_CONVERTED_FOR_LOOKALIKES} converted leads`,
  })
  @ApiBody({ schema: jsonSchemaOf(createLookalikeSchema) })
  create(
    @Body(new ZodBodyPipe(createLookalikeSchema)) body: CreateLookalikeBody,
    @Actor() actor: AuditActor,
  ): Promise<LookalikeListDto> {
    return this.lookalikes.create(body, actor);
  }

  @Get()
  @ApiOperation({ summary: 'Saved lookalike lists, newest first' })
  list(): Promise<LookalikeListDto[]> {
    return this.lookalikes.list();
  }

  @Get(':id')
  @ApiOperation({
    summary: `A list with a page of its members by rank (limit ≤ ${MAX_LOOKALIKE_PAGE}; erased leads left out)`,
  })
  get(
    @Param('id', UuidParamPipe) id: string,
    @Query(new ZodBodyPipe(lookalikeMembersQuerySchema)) query: LookalikeMembersQueryInput,
  ): Promise<LookalikeListDetailDto> {
    return this.lookalikes.getOrThrow(id, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a list (runs it enrolled go on)' })
  remove(@Param('id', UuidParamPipe) id: string, @Actor() actor: AuditActor): Promise<void> {
    return this.lookalikes.removeOrThrow(id, actor);
  }

  @Post(':id/enrol')
  @ApiOperation({
    summary:
      'Enrol every member into a published playbook (manual enrolment); skipped: erased, already running, unreachable on every channel it sends on',
  })
  @ApiBody({ schema: jsonSchemaOf(enrolLookalikesSchema) })
  enrol(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodBodyPipe(enrolLookalikesSchema)) body: EnrolLookalikesBody,
    @Actor() actor: AuditActor,
  ): Promise<EnrolLookalikesResultDto> {
    return this.lookalikes.enrolOrThrow(id, body, actor);
  }
}
