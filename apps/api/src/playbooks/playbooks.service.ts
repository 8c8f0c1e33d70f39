import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { eventTypesHeardBy, playbookSchema, validatePlaybook, type PlaybookIssue } from '@segflow/playbook';
import { DataSource, Repository } from 'typeorm';
import { isUuid } from '../common/param-pipes';
import {
  mapPlaybookSummary, mapVersion, type CreatePlaybookBody, type PlaybookDetailDto, type PlaybookStats,
  type PlaybookSummaryDto, type PlaybookVersionDto, type SaveDraftBody,
} from './playbook.dto';
import { PlaybookEntity } from './playbook.entity';
import { PlaybookVersionEntity } from './playbook-version.entity';
import { starterPlaybook } from './starter-playbook';

const STATS_SQL = `
SELECT p.id,
       b.segment_id AS "segmentId", COALESCE(b.holdout_percent, 0) AS "holdoutPercent",
       (SELECT max(v.version) FROM playbook_versions v WHERE v.playbook_id = p.id) AS "publishedVersion",
       (SELECT count(*) FROM runs r WHERE r.playbook_id = p.id AND r.status = 'active')::int AS "activeRuns",
       (SELECT count(*) FROM runs r WHERE r.playbook_id = p.id AND r.status = 'converted')::int AS "convertedRuns"
FROM playbooks p LEFT JOIN segment_bindings b ON b.playbook_id = p.id
WHERE p.id = ANY($1::uuid[])`;

/** Drafts (optimistic revisions), publishing (validated, immutable versions) and version history. */
@Injectable()
export class PlaybooksService {
  constructor(
    @InjectRepository(PlaybookEntity) private readonly playbooks: Repository<PlaybookEntity>,
    @InjectRepository(PlaybookVersionEntity) private readonly versions: Repository<PlaybookVersionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<PlaybookSummaryDto[]> {
    const playbooks = await this.playbooks.find({ order: { updatedAt: 'DESC' } });
    const stats = await this.statsOf(playbooks.map((p) => p.id));
    return playbooks.map((p) => mapPlaybookSummary(p, stats.get(p.id)!));
  }

  async create(body: CreatePlaybookBody, actor: string | null): Promise<PlaybookDetailDto> {
    const saved = await this.playbooks.save(this.playbooks.create({ name: body.name, description: body.description ?? '', draft: starterPlaybook(), updatedBy: actor }));
    return this.get(saved.id);
  }

  async get(id: string): Promise<PlaybookDetailDto> {
    const playbook = await this.findOrThrow(id);
    const stats = await this.statsOf([id]);
    return { ...mapPlaybookSummary(playbook, stats.get(id)!), draft: playbook.draft, issues: validatePlaybook(playbook.draft) };
  }

  /** Saves the draft if `revision` is the current one; a stale revision is a 409 carrying the current one. */
  async saveDraft(id: string, { graph, revision }: SaveDraftBody, actor: string | null): Promise<{ revision: number; issues: PlaybookIssue[] }> {
    const [updated]: [Array<{ draft_revision: number }>, number] = await this.dataSource.query(
      `UPDATE playbooks SET draft = $2, draft_revision = draft_revision + 1, updated_at = now(), updated_by = $4
       WHERE id = $1 AND draft_revision = $3 RETURNING draft_revision`,
      [id, JSON.stringify(graph), revision, actor],
    );
    const row = updated[0];
    if (!row) {
      const current = await this.findOrThrow(id);
      throw new ConflictException({ message: `draft revision ${revision} is stale; the current revision is ${current.draftRevision}`, currentRevision: current.draftRevision });
    }
    return { revision: row.draft_revision, issues: validatePlaybook(graph) };
  }

  /** Publishes the draft as the next immutable version; refused with the issues while it does not validate. */
  async publish(id: string, note: string | null, actor: string | null): Promise<{ version: number; publishedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const playbook = isUuid(id) ? await manager.findOne(PlaybookEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!playbook) throw new NotFoundException({ message: `playbook ${id} not found` });
      const issues = validatePlaybook(playbook.draft);
      if (issues.length > 0) throw new UnprocessableEntityException({ message: `the draft has ${issues.length} issue(s)`, issues });
      const graph = playbookSchema.parse(playbook.draft);
      const [{ next }] = await manager.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM playbook_versions WHERE playbook_id = $1`, [id]);
      const version = await manager.save(manager.create(PlaybookVersionEntity, { playbookId: id, version: next, graph, heardEventTypes: eventTypesHeardBy(graph), note, publishedBy: actor }));
      if (playbook.status === 'draft') await manager.update(PlaybookEntity, { id }, { status: 'active' });
      await manager.update(PlaybookEntity, { id }, { updatedAt: new Date(), updatedBy: actor });
      return { version: version.version, publishedAt: version.publishedAt.toISOString() };
    });
  }

  async listVersions(id: string): Promise<PlaybookVersionDto[]> {
    await this.findOrThrow(id);
    const versions = await this.versions.find({ where: { playbookId: id }, order: { version: 'DESC' } });
    return versions.map((v) => mapVersion(v, false));
  }

  async getVersion(id: string, version: number): Promise<PlaybookVersionDto> {
    return mapVersion(await this.findVersionOrThrow(id, version), true);
  }

  /** Replaces the draft with a published version's graph, as a new draft revision. */
  async restoreVersion(id: string, version: number, actor: string | null): Promise<{ revision: number; issues: PlaybookIssue[] }> {
    const { graph } = await this.findVersionOrThrow(id, version);
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]]: [Array<{ draft_revision: number }>, number] = await this.dataSource.query(
      `UPDATE playbooks SET draft = $2, draft_revision = draft_revision + 1, updated_at = now(), updated_by = $3 WHERE id = $1 RETURNING draft_revision`,
      [id, JSON.stringify(graph), actor],
    );
    return { revision: row!.draft_revision, issues: validatePlaybook(graph) };
  }

  async findOrThrow(id: string): Promise<PlaybookEntity> {
    const playbook = isUuid(id) ? await this.playbooks.findOneBy({ id }) : null;
    if (!playbook) throw new NotFoundException({ message: `playbook ${id} not found` });
    return playbook;
  }

  async findVersionOrThrow(id: string, version: number): Promise<PlaybookVersionEntity> {
    await this.findOrThrow(id);
    const found = await this.versions.findOneBy({ playbookId: id, version });
    if (!found) throw new NotFoundException({ message: `playbook ${id} has no version ${version}` });
    return found;
  }

  private async statsOf(ids: string[]): Promise<Map<string, PlaybookStats>> {
    if (ids.length === 0) return new Map();
    const rows: Array<PlaybookStats & { id: string }> = await this.dataSource.query(STATS_SQL, [ids]);
    return new Map(rows.map(({ id, ...stats }) => [id, stats]));
  }
}
