import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MIN_CONVERTED_FOR_LOOKALIKES,
  type AuditActor,
  type EnrolLookalikesResultDto,
  type LookalikeListDetailDto,
  type LookalikeListDto,
  type LookalikeSkipReason,
} from '@segflow/api-contracts';
import { CONTACT_CHANNELS } from '@segflow/events';
import { isUnreachableOnAll, sendChannelsOf, type Channel } from '@segflow/playbook';
import {
  DEFAULT_LOOKALIKE_OPTIONS,
  fitStandardizer,
  lookalikeSimilarity,
  lookalikeVector,
  standardize,
  topLookalikes,
} from '@segflow/scoring';
import { emptyFeatureState, vectorOf } from '@segflow/scoring/features';
import {
  deleteLookalikeList,
  findLookalikeList,
  insertLookalikeList,
  listConvertedLeads,
  listLookalikeCandidates,
  listLookalikeEnrolmentTargets,
  listLookalikeLists,
  listLookalikeMembers,
  listSegmentNames,
  pinPlaybook,
  recordAuditEntry,
  type LookalikeEnrolmentTarget,
  type LookalikeLeadRow,
  type LookalikeListRow,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RunLauncherService } from '../runs/run-launcher.service';
import {
  mapLookalikeList,
  type CreateLookalikeBody,
  type EnrolLookalikesBody,
  type LookalikeMembersQueryInput,
} from './lookalike.dto';

// Converted leads compared against: the most recent ones. Scoring costs O(candidates · this · 9): ~85 µs a candidate
// at this cap on the 2-core dev machine, so ~1.7 s per 20k candidates, in chunks that let requests through.
const MAX_CONVERTED_COMPARED = 2000;
// Candidates scored between two yields to the event loop (~17 ms each at the cap above).
const SCORE_CHUNK = 200;
// Launches in flight at once while enrolling: each is a short transaction plus a workflow start.
const ENROL_CONCURRENCY = 8;

/** Computes, stores, lists and enrols lookalike lists. */
@Injectable()
export class LookalikesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly launcher: RunLauncherService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(body: CreateLookalikeBody, actor: AuditActor): Promise<LookalikeListDto> {
    const manager = this.db.manager;
    if (body.segmentId && !(await listSegmentNames(manager, [body.segmentId])).length)
      throw new UnprocessableEntityException({
        message: `segment ${body.segmentId} not found`,
        issues: [{ field: 'segmentId', reason: 'no such segment' }],
      });
    const goalEventType = this.config.PROPENSITY_GOAL_EVENT;
    const converted = await listConvertedLeads(manager, { goalEventType, limit: MAX_CONVERTED_COMPARED });
    if (converted.total < MIN_CONVERTED_FOR_LOOKALIKES)
      throw new UnprocessableEntityException({
        message: `not enough data: ${converted.total} converted lead(s) (with a ${goalEventType} event); lookalikes need at least ${MIN_CONVERTED_FOR_LOOKALIKES}`,
        issues: [{ field: '(root)', reason: 'not enough converted leads' }],
        convertedCount: converted.total,
      });
    const candidates = await listLookalikeCandidates(manager, {
      goalEventType,
      segmentId: body.segmentId,
      excludeOwnedBy: body.excludeOwnedBy,
    });
    const members = await this.rank(converted.leads, candidates, body.size, new Date());
    const list = {
      name: body.name,
      size: body.size,
      segmentId: body.segmentId ?? null,
      excludeOwnedBy: body.excludeOwnedBy ?? null,
      goalEventType,
      convertedCount: converted.total,
      candidateCount: candidates.length,
      createdBy: actor.label,
    };
    const id = await this.db.transaction(async (tx) => {
      const listId = await insertLookalikeList(tx, list, members);
      await recordAuditEntry(tx, {
        actor,
        action: 'lookalike.created',
        entityType: 'lookalike_list',
        entityId: listId,
        after: { ...list, memberCount: members.length },
      });
      return listId;
    });
    return mapLookalikeList(await this.findOrThrow(id));
  }

  async list(): Promise<LookalikeListDto[]> {
    return (await listLookalikeLists(this.db.manager)).map(mapLookalikeList);
  }

  async getOrThrow(id: string, page: LookalikeMembersQueryInput): Promise<LookalikeListDetailDto> {
    const list = await this.findOrThrow(id);
    const { members, total } = await listLookalikeMembers(this.db.manager, id, page);
    return { ...mapLookalikeList(list), members, total };
  }

  async removeOrThrow(id: string, actor: AuditActor): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (!(await deleteLookalikeList(tx, id)))
        throw new NotFoundException({ message: `lookalike list ${id} not found` });
      await recordAuditEntry(tx, { actor, action: 'lookalike.deleted', entityType: 'lookalike_list', entityId: id });
    });
  }

  /**
   * Enrols every member through the manual-enrolment launcher (a run row and a `run_start` outbox row per member, so a
   * Temporal outage only delays the starts). Members already running the playbook are skipped, so a repeat starts
   * nothing new for them.
   */
  async enrolOrThrow(
    id: string,
    { playbookId }: EnrolLookalikesBody,
    actor: AuditActor,
  ): Promise<EnrolLookalikesResultDto> {
    await this.findOrThrow(id);
    const pinned = await pinPlaybook(this.db.manager, playbookId, null);
    if (!pinned)
      throw new NotFoundException({
        message: `playbook ${playbookId} not found`,
        issues: [{ field: 'playbookId', reason: 'no such playbook' }],
      });
    if (pinned.status === 'draft' || !pinned.version)
      throw new ConflictException({ message: 'publish the playbook before enrolling leads', field: 'playbookId' });
    const channels = sendChannelsOf(pinned.version.graph);
    const targets = await listLookalikeEnrolmentTargets(this.db.manager, id, playbookId);
    const result: EnrolLookalikesResultDto = {
      members: targets.length,
      enrolled: 0,
      skipped: { suppressed: 0, 'already-running': 0, erased: 0 },
      skippedLeads: [],
    };
    const skip = (t: LookalikeEnrolmentTarget, reason: LookalikeSkipReason) => {
      result.skipped[reason] += 1;
      result.skippedLeads.push({ leadId: t.leadId, rank: t.rank, reason });
    };
    const launchable: LookalikeEnrolmentTarget[] = [];
    for (const t of targets) {
      const reason = skipReasonOf(t, channels);
      if (reason) skip(t, reason);
      else launchable.push(t);
    }
    for (let i = 0; i < launchable.length; i += ENROL_CONCURRENCY) {
      const batch = launchable.slice(i, i + ENROL_CONCURRENCY);
      const launched = await Promise.all(batch.map((t) => this.launcher.launch({ leadId: t.leadId, playbookId })));
      launched.forEach((outcome, j) => {
        // A manual launch has no holdout and no membership: it starts, or finds an active run, or the lead is gone.
        if (outcome.kind === 'started') result.enrolled += 1;
        else if (outcome.kind === 'refused' && outcome.reason === 'lead-not-found') skip(batch[j]!, 'erased');
        else skip(batch[j]!, 'already-running');
      });
    }
    result.skippedLeads.sort((a, b) => a.rank - b.rank);
    await recordAuditEntry(this.db.manager, {
      actor,
      action: 'lookalike.enrolled',
      entityType: 'lookalike_list',
      entityId: id,
      after: { playbookId, members: result.members, enrolled: result.enrolled, skipped: result.skipped },
    });
    return result;
  }

  private async findOrThrow(id: string): Promise<LookalikeListRow> {
    const list = await findLookalikeList(this.db.manager, id);
    if (!list) throw new NotFoundException({ message: `lookalike list ${id} not found` });
    return list;
  }

  /**
   * Standardises converted leads and candidates together (one population, so a feature's spread among them sets its
   * weight), then scores the candidates in chunks, yielding between them so ingest and other requests go on.
   */
  private async rank(converted: LookalikeLeadRow[], candidates: LookalikeLeadRow[], size: number, now: Date) {
    const raw = (row: LookalikeLeadRow) => lookalikeVector(vectorOf(row.state ?? emptyFeatureState(), row, now));
    const convertedRaw = converted.map(raw);
    const candidateRaw = candidates.map(raw);
    const standardizer = fitStandardizer([...convertedRaw, ...candidateRaw]);
    const seeds = convertedRaw.map((v) => standardize(v, standardizer));
    const scored: { id: string; score: number }[] = [];
    for (let i = 0; i < candidates.length; i += SCORE_CHUNK) {
      for (let j = i; j < Math.min(i + SCORE_CHUNK, candidates.length); j += 1) {
        const vector = standardize(candidateRaw[j]!, standardizer);
        scored.push({ id: candidates[j]!.id, score: lookalikeSimilarity(vector, seeds, DEFAULT_LOOKALIKE_OPTIONS) });
      }
      await yieldToEventLoop();
    }
    return topLookalikes(scored, size).map((r) => ({ leadId: r.id, rank: r.rank, score: r.score }));
  }
}

function skipReasonOf(t: LookalikeEnrolmentTarget, sendChannels: readonly Channel[]): LookalikeSkipReason | null {
  if (t.erased) return 'erased';
  if (t.running) return 'already-running';
  const unsubscribed = CONTACT_CHANNELS.filter((c) => t.consent?.[c] === false || t.suppressedChannels.includes(c));
  return isUnreachableOnAll(sendChannels, unsubscribed) ? 'suppressed' : null;
}
