import { Inject, Injectable } from '@nestjs/common';
import { emptyFeatureState, EventInput, FeatureOptions, standardize } from '@segflow/scoring';
import {
  lockActiveModelShared,
  ensureFeatureRows,
  FeatureUpdateRow,
  insertStubLeads,
  lockFeatureRows,
  lockLeadsForIngest,
  readIngestContext,
  storeNewEvents,
  updateFeatureRows,
  type CopyRows,
  type IngestLeadRow,
  type LockedFeatureRow,
} from '@segflow/stores';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { applyEventEffects } from '../consent/apply-event-effects';
import { foldLeadEvents } from '../features/fold-lead-events';
import { vectorOf } from '@segflow/scoring/features';
import { outboxInsertSql, type OutboxMessage } from '@segflow/stores';
import { ActiveModelCache } from '../segments/active-model-cache';
import { MembershipChange, writeMembershipChanges } from '../segments/membership-writer';
import {
  decideSegment,
  readWindowCounts,
  ruleFactsOf,
  type CurrentMembership,
  type DecisionContext,
  type RuleSegmentRef,
} from '../segments/rule-segment-decision';
import { copyRows } from './copy-rows';
import { eventData, leadEventMessage } from './event-outbox';
import { featureOptionsFrom } from '../config/feature-options';
import type { EventItemResult, IndexedEvent } from './validate-events';

/**
 * One flush = one transaction: store the events (idempotent on eventId), fold them into lead_features, re-assign
 * each touched lead (its first matching rule segment, else the nearest active centroid with hysteresis), and write
 * membership changes and outbox rows;
 * unsubscribes, hard bounces and events threaded to a touch also write consent, suppressions and touch statuses.
 * Every step is one set-based statement whatever the number of events.
 */
@Injectable()
export class IngestWriter {
  private readonly featureOptions: FeatureOptions;

  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ActiveModelCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.featureOptions = featureOptionsFrom(config);
  }

  write(batch: readonly IndexedEvent[], now: Date): Promise<EventItemResult[]> {
    return this.dataSource.transaction((manager) => this.writeIn(manager, batch, now));
  }

  private async writeIn(manager: EntityManager, batch: readonly IndexedEvent[], now: Date): Promise<EventItemResult[]> {
    await lockActiveModelShared(manager);
    const leads = await this.resolveLeads(manager, batch);
    const results: EventItemResult[] = [];
    const known = batch.filter(({ index, event }) => {
      if (leads.has(event.leadExternalId)) return true;
      results.push({
        index,
        status: 'rejected',
        eventId: event.eventId,
        issues: [
          {
            field: 'leadExternalId',
            reason: `unknown lead ${event.leadExternalId}: create it with POST /api/leads first`,
          },
        ],
      });
      return false;
    });
    const inserted = await this.insertEvents(manager, known, leads);
    const byLead = new Map<string, EventInput[]>();
    for (const { index, event } of known) {
      if (!inserted.has(event.eventId)) {
        results.push({ index, status: 'duplicate', eventId: event.eventId });
        continue;
      }
      const lead = leads.get(event.leadExternalId)!;
      results.push({ index, status: 'accepted', eventId: event.eventId, leadId: lead.id });
      const list = byLead.get(lead.id);
      if (list) list.push(event);
      else byLead.set(lead.id, [event]);
    }
    if (byLead.size) await this.updateLeads(manager, byLead, leads, now, tracesOf(known));
    return results;
  }

  private async resolveLeads(
    manager: EntityManager,
    batch: readonly IndexedEvent[],
  ): Promise<Map<string, IngestLeadRow>> {
    const externalIds = [...new Set(batch.map(({ event }) => event.leadExternalId))];
    const found = new Map<string, IngestLeadRow>();
    const collect = (rows: IngestLeadRow[]) => rows.forEach((row) => found.set(row.external_id, row));
    collect(await lockLeadsForIngest(manager, externalIds));
    const missing = externalIds.filter((id) => !found.has(id)).sort();
    if (missing.length && this.config.EVENTS_UNKNOWN_LEAD === 'stub') {
      await insertStubLeads(manager, missing);
      collect(await lockLeadsForIngest(manager, missing));
    }
    return found;
  }

  /** Stores the events (COPYing a large flush on this transaction's connection) and returns the ids that were new. */
  private async insertEvents(
    manager: EntityManager,
    events: readonly IndexedEvent[],
    leads: Map<string, IngestLeadRow>,
  ): Promise<Set<string>> {
    if (!events.length) return new Set();
    const rows = events.map(({ event: e }) => ({
      event_id: e.eventId,
      lead_id: leads.get(e.leadExternalId)!.id,
      type: e.type,
      occurred_at: e.occurredAt,
      data: eventData(e),
    }));
    const copy: CopyRows = (statement, values) => copyRows(manager, statement, values);
    return new Set(await storeNewEvents(manager, rows, copy));
  }

  private async updateLeads(
    manager: EntityManager,
    byLead: Map<string, EventInput[]>,
    leads: Map<string, IngestLeadRow>,
    now: Date,
    traces: ReadonlyMap<string, string>,
  ): Promise<void> {
    const leadIds = [...byLead.keys()].sort();
    const leadById = new Map([...leads.values()].map((lead) => [lead.id, lead]));
    const locked = await this.lockFeatures(manager, leadIds, leadById);
    // After the lead locks: a lead's consent is written by one flush at a time, in lead id order.
    await applyEventEffects(
      manager,
      leadIds.flatMap((leadId) => byLead.get(leadId)!.map((event) => ({ leadId, event }))),
    );
    const context = await readIngestContext(manager, leadIds);
    const membershipOf = new Map(context.open_memberships.map((m) => [m.lead_id, m]));
    const model = await this.models.byId(manager, context.active_model_id);
    const rules: RuleSegmentRef[] = context.rule_segments.map((r) => ({ segmentId: r.segment_id, rule: r.rule }));
    // One more statement only when a rule counts events in a window (each touched lead's recent events_lead_idx range).
    const windowCounts = await readWindowCounts(manager, leadIds, rules, now);
    const decision: DecisionContext = { rules, model, margin: this.config.SEGMENT_HYSTERESIS, relearn: true };
    const withRun = new Set(context.leads_with_active_runs);
    const boundSegments = new Set(context.bound_segment_ids);
    const heardTypes = new Set(context.heard_event_types);
    const updates: FeatureUpdateRow[] = [];
    const changes: MembershipChange[] = [];
    const eventMessages: OutboxMessage[] = [];
    for (const row of locked) {
      const events = byLead.get(row.lead_id)!;
      const folded = foldLeadEvents(row.state, events, now, this.featureOptions);
      const lead = leadById.get(row.lead_id)!;
      const vector = vectorOf(folded.state, lead, now);
      const facts = ruleFactsOf(lead, vector, windowCounts.get(row.lead_id));
      updates.push({
        lead_id: row.lead_id,
        state: folded.state,
        event_count: folded.state.eventCount,
        last_event_at: folded.state.lastDecayAt === null ? null : new Date(folded.state.lastDecayAt).toISOString(),
        converted_at: folded.convertedAt?.toISOString() ?? null,
        score: facts.score,
      });
      const current = membershipOf.get(row.lead_id) ?? null;
      const standardized = model && standardize(vector, model.standardizer);
      const moved = decideSegment(decision, facts, standardized, current);
      const change = moved && membershipChange(row.lead_id, current, moved, events, traces);
      if (change) changes.push(change);
      // Which leads a run may hear: see readIngestContext.
      const listening =
        withRun.has(row.lead_id) ||
        [current?.segment_id, change?.toSegmentId].some((id) => id != null && boundSegments.has(id));
      if (listening) {
        for (const event of events)
          if (heardTypes.has(event.type)) eventMessages.push(leadEventMessage(row.lead_id, event));
      }
    }
    // Event rows before membership rows: the run of a segment the lead is leaving still hears the event that made it leave.
    // One round trip for both; no outbox statement without rows (its trigger would wake the dispatcher for nothing).
    await updateFeatureRows(
      manager,
      updates,
      eventMessages.length ? { sql: outboxInsertSql, param: JSON.stringify(eventMessages) } : undefined,
    );
    await writeMembershipChanges(manager, changes, { modelId: model?.id ?? null, at: now, reason: 'event' });
  }

  /**
   * Locks the leads' feature rows, first creating the missing ones. Creating before locking any keeps every flush
   * taking its row locks in lead id order, so flushes never deadlock; most flushes create none and skip the insert.
   */
  private async lockFeatures(
    manager: EntityManager,
    leadIds: string[],
    leadById: Map<string, IngestLeadRow>,
  ): Promise<LockedFeatureRow[]> {
    const missing = leadIds.filter((id) => !leadById.get(id)!.has_features);
    await ensureFeatureRows(manager, missing, emptyFeatureState());
    return lockFeatureRows(manager, leadIds);
  }
}

/** The change of a lead `decideSegment` moves, triggered by the latest of the flush's events for it. */
function membershipChange(
  leadId: string,
  current: CurrentMembership | null,
  moved: { segmentId: string | null; byRule: boolean },
  events: EventInput[],
  traces: ReadonlyMap<string, string>,
): MembershipChange {
  const trigger = events.reduce((latest, e) =>
    Date.parse(e.occurredAt) >= Date.parse(latest.occurredAt) ? e : latest,
  );
  return {
    leadId,
    from: current && { membershipId: current.membership_id, segmentId: current.segment_id },
    toSegmentId: moved.segmentId,
    byRule: moved.byRule,
    triggerEventId: trigger.eventId,
    traceparent: traces.get(trigger.eventId),
  };
}

/** The traceparent each traced event's request had, by event id (empty when tracing is off). */
function tracesOf(events: readonly IndexedEvent[]): Map<string, string> {
  return new Map(
    events.flatMap(({ event, traceparent }) => (traceparent ? [[event.eventId, traceparent] as const] : [])),
  );
}
