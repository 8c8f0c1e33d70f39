import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  eventTypesHeardBy,
  playbookSchema,
  validatePlaybook,
  type PlaybookIssue,
  type ValidationContext,
} from '@segflow/playbook';
import { isUuid, type AuditActor } from '@segflow/api-contracts';
import {
  findPlaybook,
  recordAuditEntry,
  findVersion,
  insertNextVersion,
  insertPlaybook,
  listLeadAttributes,
  listPlaybooks,
  listVersions,
  lockPlaybook,
  playbookStatsOf,
  replaceDraft,
  saveDraft,
  setPlaybookStatus,
  touchPlaybook,
  type PlaybookRow,
  type PlaybookVersionRow,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import {
  mapPlaybookSummary,
  mapVersion,
  type CreatePlaybookBody,
  type PlaybookDetailDto,
  type PlaybookSummaryDto,
  type PlaybookVersionDto,
  type SaveDraftBody,
} from './playbook.dto';
import { starterPlaybook } from './starter-playbook';

/** Drafts (optimistic revisions), publishing (validated, immutable versions) and version history. */
@Injectable()
export class PlaybooksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<PlaybookSummaryDto[]> {
    const playbooks = await listPlaybooks(this.dataSource.manager);
    const stats = await playbookStatsOf(
      this.dataSource.manager,
      playbooks.map((p) => p.id),
    );
    return playbooks.map((p) => mapPlaybookSummary(p, stats.get(p.id)!));
  }

  async create(body: CreatePlaybookBody, actor: string | null): Promise<PlaybookDetailDto> {
    const id = await insertPlaybook(this.dataSource.manager, {
      name: body.name,
      description: body.description ?? '',
      draft: starterPlaybook(),
      updatedBy: actor,
    });
    return this.get(id);
  }

  async get(id: string): Promise<PlaybookDetailDto> {
    const playbook = await this.findOrThrow(id);
    const stats = await playbookStatsOf(this.dataSource.manager, [id]);
    return {
      ...mapPlaybookSummary(playbook, stats.get(id)!),
      draft: playbook.draft,
      issues: validatePlaybook(playbook.draft, await this.validationContext()),
    };
  }

  /** Saves the draft if `revision` is the current one; a stale revision is a 409 carrying the current one. */
  async saveDraft(
    id: string,
    { graph, revision }: SaveDraftBody,
    actor: string | null,
  ): Promise<{ revision: number; issues: PlaybookIssue[] }> {
    const saved = await saveDraft(this.dataSource.manager, id, graph, revision, actor);
    if (saved === null) {
      const current = await this.findOrThrow(id);
      throw new ConflictException({
        message: `draft revision ${revision} is stale; the current revision is ${current.draftRevision}`,
        currentRevision: current.draftRevision,
      });
    }
    return { revision: saved, issues: validatePlaybook(graph, await this.validationContext()) };
  }

  /** Publishes the draft as the next immutable version; refused with the issues while it does not validate. */
  async publish(
    id: string,
    note: string | null,
    actor: string | null,
    auditActor: AuditActor,
  ): Promise<{ version: number; publishedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const playbook = isUuid(id) ? await lockPlaybook(manager, id) : null;
      if (!playbook) throw new NotFoundException({ message: `playbook ${id} not found` });
      const issues = validatePlaybook(playbook.draft, await this.validationContext(manager));
      if (issues.length > 0)
        throw new UnprocessableEntityException({ message: `the draft has ${issues.length} issue(s)`, issues });
      const graph = playbookSchema.parse(playbook.draft);
      const version = await insertNextVersion(manager, {
        playbookId: id,
        graph,
        heardEventTypes: eventTypesHeardBy(graph),
        note,
        publishedBy: actor,
      });
      const now = new Date();
      if (playbook.status === 'draft') await setPlaybookStatus(manager, id, 'active', now);
      await touchPlaybook(manager, id, actor, now);
      await recordAuditEntry(manager, {
        actor: auditActor,
        action: 'playbook.published',
        entityType: 'playbook',
        entityId: id,
        after: { version: version.version, note },
      });
      return { version: version.version, publishedAt: version.publishedAt.toISOString() };
    });
  }

  async listVersions(id: string): Promise<PlaybookVersionDto[]> {
    await this.findOrThrow(id);
    const versions = await listVersions(this.dataSource.manager, id);
    return versions.map((v) => mapVersion(v, false));
  }

  async getVersion(id: string, version: number): Promise<PlaybookVersionDto> {
    return mapVersion(await this.findVersionOrThrow(id, version), true);
  }

  /** Replaces the draft with a published version's graph, as a new draft revision. */
  async restoreVersion(
    id: string,
    version: number,
    actor: string | null,
  ): Promise<{ revision: number; issues: PlaybookIssue[] }> {
    const { graph } = await this.findVersionOrThrow(id, version);
    const revision = await replaceDraft(this.dataSource.manager, id, graph, actor);
    return { revision: revision!, issues: validatePlaybook(graph, await this.validationContext()) };
  }

  // The workspace's custom lead attributes, which templates and branch conditions may read.
  private async validationContext(db = this.dataSource.manager): Promise<ValidationContext> {
    return { leadAttributes: await listLeadAttributes(db) };
  }

  async findOrThrow(id: string): Promise<PlaybookRow> {
    const playbook = isUuid(id) ? await findPlaybook(this.dataSource.manager, id) : null;
    if (!playbook) throw new NotFoundException({ message: `playbook ${id} not found` });
    return playbook;
  }

  async findVersionOrThrow(id: string, version: number): Promise<PlaybookVersionRow> {
    await this.findOrThrow(id);
    const found = await findVersion(this.dataSource.manager, id, version);
    if (!found) throw new NotFoundException({ message: `playbook ${id} has no version ${version}` });
    return found;
  }
}
