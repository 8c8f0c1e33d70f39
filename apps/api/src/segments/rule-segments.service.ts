import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type {
  AuditActor,
  RuleSegmentChange,
  RuleSegmentInput,
  RuleSegmentPatch,
  RuleSegmentPreview,
  Segment,
} from '@segflow/api-contracts';
import { describeRule, emptyFeatureState, evaluateRule, ruleAttributeIssues, type SegmentRule } from '@segflow/scoring';
import { vectorOf } from '@segflow/scoring/features';
import {
  lockActiveModelExclusive,
  archiveRuleSegment,
  insertRuleSegment,
  listBoundPlaybooks,
  listColoursInUse,
  listLeadAttributes,
  listLeadLabels,
  listRuleSegments,
  listScoringLeads,
  recordAuditEntry,
  updateRuleSegment,
  type Queryable,
  type RuleSegmentRow,
} from '@segflow/stores';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { reevaluateRuleSegments } from './reevaluate-rule-segments';
import { readWindowCounts, ruleFactsOf, ruleSegmentRefs } from './rule-segment-decision';
import { pickColours } from './segment-colours';
import { SegmentsService } from './segments.service';

/** Leads a preview names. */
export const PREVIEW_SAMPLE_SIZE = 10;

const audited = (row: RuleSegmentRow) => ({
  name: row.name,
  colour: row.colour,
  priority: row.priority,
  rule: row.rule,
  ruleDescription: describeRule(row.rule),
});

/**
 * Rule segments: created, edited and deleted by ops, each change audited and followed, in the same transaction, by a
 * re-evaluation of every lead (memberships + outbox rows) under the exclusive model lock.
 */
@Injectable()
export class RuleSegmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly segments: SegmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 422 naming the condition when a rule tests a custom attribute the schema lacks, or in a way its type cannot. */
  private async checkAttributes(db: Queryable, rule: SegmentRule): Promise<void> {
    if (!rule.conditions.some((c) => c.kind === 'attribute')) return;
    const issues = ruleAttributeIssues(rule, await listLeadAttributes(db));
    if (issues.length) throw new UnprocessableEntityException({ message: 'invalid rule segment', issues });
  }

  async create(input: RuleSegmentInput, actor: AuditActor, now = new Date()): Promise<RuleSegmentChange> {
    await this.checkAttributes(this.dataSource.manager, input.rule);
    const { row, moved } = await this.changing(now, async (manager) => {
      const [colour] = input.colour ? [input.colour] : pickColours(await listColoursInUse(manager), 1);
      const row = await insertRuleSegment(manager, {
        id: randomUUID(),
        name: input.name,
        description: input.description ?? describeRule(input.rule),
        colour,
        rule: input.rule,
        priority: input.priority,
      });
      await recordAuditEntry(manager, {
        actor,
        action: 'ruleSegment.created',
        entityType: 'segment',
        entityId: row.id,
        after: audited(row),
      });
      return row;
    });
    return { segment: await this.segmentOf(row.id), moved };
  }

  async update(id: string, patch: RuleSegmentPatch, actor: AuditActor, now = new Date()): Promise<RuleSegmentChange> {
    if (patch.rule) await this.checkAttributes(this.dataSource.manager, patch.rule);
    const { row, moved } = await this.changing(now, async (manager) => {
      const before = (await listRuleSegments(manager)).find((r) => r.id === id);
      const row = before && (await updateRuleSegment(manager, id, patch));
      if (!before || !row) throw new NotFoundException(`rule segment ${id} not found`);
      await recordAuditEntry(manager, {
        actor,
        action: 'ruleSegment.updated',
        entityType: 'segment',
        entityId: id,
        before: audited(before),
        after: audited(row),
      });
      return row;
    });
    return { segment: await this.segmentOf(row.id), moved };
  }

  /** Deletes (archives) a rule segment: its members leave it. Refused while a playbook is bound to it. */
  async remove(id: string, actor: AuditActor, now = new Date()): Promise<{ moved: number }> {
    const { moved } = await this.changing(now, async (manager) => {
      const playbookId = (await listBoundPlaybooks(manager)).get(id);
      if (playbookId)
        throw new ConflictException({
          message: `rule segment ${id} is bound to playbook ${playbookId}: unbind it first`,
          field: 'id',
          playbookId,
        });
      const row = await archiveRuleSegment(manager, id);
      if (!row) throw new NotFoundException(`rule segment ${id} not found`);
      await recordAuditEntry(manager, {
        actor,
        action: 'ruleSegment.deleted',
        entityType: 'segment',
        entityId: id,
        before: audited(row),
      });
      return row;
    });
    return { moved };
  }

  /**
   * How many leads match the rule now, and how many would enter it saved as the last priority (not taken by an
   * earlier rule segment). Reads every lead (one statement, plus one for window counts); writes nothing.
   */
  async preview(rule: SegmentRule, now = new Date()): Promise<RuleSegmentPreview> {
    const manager = this.dataSource.manager;
    await this.checkAttributes(manager, rule);
    const existing = ruleSegmentRefs(await listRuleSegments(manager));
    const draft = { segmentId: 'draft', rule };
    const leads = await listScoringLeads(manager);
    const counts = await readWindowCounts(manager, 'all', [...existing, draft], now);
    let matching = 0;
    const entering: { id: string; score: number }[] = [];
    for (const lead of leads) {
      const facts = ruleFactsOf(lead, vectorOf(lead.state ?? emptyFeatureState(), lead, now), counts.get(lead.id));
      if (!evaluateRule(rule, facts)) continue;
      matching += 1;
      if (!existing.some((r) => evaluateRule(r.rule, facts))) entering.push({ id: lead.id, score: facts.score });
    }
    const sample = entering.sort((a, b) => b.score - a.score).slice(0, PREVIEW_SAMPLE_SIZE);
    const scoreOf = new Map(sample.map((s) => [s.id, s.score]));
    const labels = await listLeadLabels(
      manager,
      sample.map((s) => s.id),
    );
    return {
      matching,
      wouldEnter: entering.length,
      total: leads.length,
      description: describeRule(rule),
      sample: labels.map((l) => ({
        id: l.id,
        externalId: l.external_id,
        name: l.name,
        company: l.company,
        score: scoreOf.get(l.id)!,
      })),
    };
  }

  /** Runs a change under the exclusive model lock, then re-evaluates every lead in the same transaction. */
  private changing(
    now: Date,
    change: (manager: Queryable) => Promise<RuleSegmentRow>,
  ): Promise<{ row: RuleSegmentRow; moved: number }> {
    return this.dataSource.transaction(async (manager) => {
      // The lock first: ingest flushes (shared holders) then wait, and none decides with the rules being changed.
      await lockActiveModelExclusive(manager);
      const row = await change(manager);
      const { moved } = await reevaluateRuleSegments(manager, {
        now,
        margin: this.config.SEGMENT_HYSTERESIS,
        reason: 'rule_changed',
      });
      return { row, moved };
    });
  }

  private async segmentOf(id: string): Promise<Segment> {
    return (await this.segments.list()).find((s) => s.id === id)!;
  }
}
