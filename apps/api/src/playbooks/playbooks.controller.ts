import { Body, Controller, Get, Param, Post, Put, Req } from '@nestjs/common';
import type { AuditActor, DraftSaved, Published, PublishRequest } from '@segflow/api-contracts';
import { Actor } from '../auth/audit-actor';
import { IntParamPipe } from '../common/param-pipes';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf } from '../common/actor-of';
import { jsonSchemaOf } from '../common/json-schema-of';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import {
  bindingSchema,
  createPlaybookSchema,
  publishSchema,
  saveDraftSchema,
  type BindingBody,
  type CreatePlaybookBody,
  type EnrolMembersDto,
  type NodeAnalyticsDto,
  type PlaybookDetailDto,
  type PlaybookSummaryDto,
  type PlaybookVersionDto,
  type SaveDraftBody,
} from './playbook.dto';
import { PlaybookLifecycleService } from './playbook-lifecycle.service';
import { PlaybooksService } from './playbooks.service';

type Request = Parameters<typeof actorOf>[0];

@ApiTags('playbooks')
@Controller('playbooks')
export class PlaybooksController {
  constructor(
    private readonly playbooks: PlaybooksService,
    private readonly lifecycle: PlaybookLifecycleService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every playbook with status, binding, published version and run counts' })
  list(): Promise<PlaybookSummaryDto[]> {
    return this.playbooks.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a playbook with a valid starter draft (revision 1)' })
  @ApiBody({ schema: jsonSchemaOf(createPlaybookSchema) })
  create(
    @Body(new ZodBodyPipe(createPlaybookSchema)) body: CreatePlaybookBody,
    @Req() request: Request,
  ): Promise<PlaybookDetailDto> {
    return this.playbooks.create(body, actorOf(request));
  }

  @Get(':id')
  @ApiOperation({ summary: "A playbook with its draft graph, draft revision and the draft's validation issues" })
  get(@Param('id') id: string): Promise<PlaybookDetailDto> {
    return this.playbooks.get(id);
  }

  @Put(':id/draft')
  @ApiOperation({
    summary:
      'Save the draft; 409 { message, currentRevision } when revision is stale, 400 when the graph does not parse',
  })
  @ApiBody({ schema: jsonSchemaOf(saveDraftSchema) })
  saveDraft(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(saveDraftSchema)) body: SaveDraftBody,
    @Req() request: Request,
  ): Promise<DraftSaved> {
    return this.playbooks.saveDraft(id, body, actorOf(request));
  }

  @Post(':id/publish')
  @ApiOperation({
    summary: 'Publish the draft as a new immutable version; 422 { message, issues } while it has issues',
  })
  @ApiBody({ schema: jsonSchemaOf(publishSchema) })
  publish(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(publishSchema)) body: PublishRequest,
    @Req() request: Request,
    @Actor() actor: AuditActor,
  ): Promise<Published> {
    return this.playbooks.publish(id, body.note ?? null, actorOf(request), actor);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Published versions, newest first' })
  versions(@Param('id') id: string): Promise<PlaybookVersionDto[]> {
    return this.playbooks.listVersions(id);
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'One published version with its graph' })
  version(@Param('id') id: string, @Param('version', IntParamPipe) version: number): Promise<PlaybookVersionDto> {
    return this.playbooks.getVersion(id, version);
  }

  @Post(':id/versions/:version/restore')
  @ApiOperation({ summary: "Replace the draft with a version's graph (new draft revision)" })
  restore(
    @Param('id') id: string,
    @Param('version', IntParamPipe) version: number,
    @Req() request: Request,
  ): Promise<DraftSaved> {
    return this.playbooks.restoreVersion(id, version, actorOf(request));
  }

  @Get(':id/versions/:version/analytics')
  @ApiOperation({
    summary: 'Per node of a version: runs that reached it, wait there, exited there, and converted after it',
  })
  analytics(@Param('id') id: string, @Param('version', IntParamPipe) version: number): Promise<NodeAnalyticsDto[]> {
    return this.lifecycle.analytics(id, version);
  }

  @Put(':id/binding')
  @ApiOperation({
    summary:
      'Bind to a segment (or null to unbind) with a holdout of 0–50 %; 409 naming the playbook already bound to it',
  })
  @ApiBody({ schema: jsonSchemaOf(bindingSchema) })
  bind(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(bindingSchema)) body: BindingBody,
    @Actor() actor: AuditActor,
  ): Promise<PlaybookDetailDto> {
    return this.lifecycle.bind(id, body, actor);
  }

  @Post(':id/enrol-members')
  @ApiOperation({
    summary:
      'Start the bound playbook for the leads already in its segment (holdout applies; leads with a run of this membership are counted as existing)',
  })
  enrolMembers(@Param('id') id: string, @Actor() actor: AuditActor): Promise<EnrolMembersDto> {
    return this.lifecycle.enrolSegmentMembers(id, actor);
  }

  @Post(':id/pause')
  @ApiOperation({ summary: 'Pause: runs hold before their next step' })
  pause(@Param('id') id: string, @Actor() actor: AuditActor): Promise<PlaybookDetailDto> {
    return this.lifecycle.pause(id, actor);
  }

  @Post(':id/resume')
  @ApiOperation({ summary: 'Resume held runs' })
  resume(@Param('id') id: string, @Actor() actor: AuditActor): Promise<PlaybookDetailDto> {
    return this.lifecycle.resume(id, actor);
  }
}
