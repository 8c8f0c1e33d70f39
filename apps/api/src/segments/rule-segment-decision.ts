import {
  assignSegment,
  chooseSegment,
  eventWindowKey,
  leadScore,
  ruleEventWindows,
  type RuleFacts,
  type SegmentRule,
} from '@segflow/scoring';
import { countEventsInWindows, type ActiveModel, type Queryable, type ScoringLeadRow } from '@segflow/stores';
import type { MembershipChange } from './membership-writer';

// How a lead's segment is decided wherever memberships are written (ingest, model activation, rule changes and the
// window sweep): its highest-priority matching rule segment, else its learned one (libs/scoring chooseSegment).

/** A live rule segment as the decision reads it. */
export interface RuleSegmentRef {
  segmentId: string;
  rule: SegmentRule;
}

/** A lead's open membership, with whether its segment is a rule segment. */
export interface CurrentMembership {
  membership_id: string;
  segment_id: string;
  by_rule: boolean;
}

/** The lead columns rule conditions read (the firmographics scoring reads, plus country, city and attributes). */
export type RuleLeadColumns = Omit<ScoringLeadRow, 'id' | 'state'>;

const DAY_MS = 86_400_000;

/**
 * Each lead's events-in-a-window counts (by window key) for these rules, in one statement; none at all when no rule
 * counts events.
 */
export async function readWindowCounts(
  db: Queryable,
  leadIds: readonly string[] | 'all',
  rules: readonly RuleSegmentRef[],
  now: Date,
): Promise<Map<string, Map<string, number>>> {
  const windows = ruleEventWindows(rules.map((r) => r.rule)).map((w) => ({
    key: eventWindowKey(w),
    type: w.eventType,
    since: new Date(now.getTime() - w.days * DAY_MS).toISOString(),
  }));
  const byLead = new Map<string, Map<string, number>>();
  if (!windows.length || (leadIds !== 'all' && !leadIds.length)) return byLead;
  for (const row of await countEventsInWindows(db, leadIds, windows)) {
    const counts = byLead.get(row.lead_id) ?? new Map<string, number>();
    counts.set(row.key, row.count);
    byLead.set(row.lead_id, counts);
  }
  return byLead;
}

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/** What rules are evaluated on, from the lead's columns, its raw feature vector and its window counts. */
export function ruleFactsOf(
  lead: RuleLeadColumns,
  rawVector: readonly number[],
  counts: ReadonlyMap<string, number> | undefined,
): RuleFacts {
  const { industry, headcount, revenue_band, funding_stage, country, city, attributes } = lead;
  return {
    firmographics: { industry, headcount, revenue_band, funding_stage, country, city },
    features: rawVector,
    score: leadScore(rawVector),
    eventCounts: counts ?? NO_COUNTS,
    attributes,
  };
}

/** What {@link decideSegment} needs besides the lead. */
export interface DecisionContext {
  rules: readonly RuleSegmentRef[];
  model: Pick<ActiveModel, 'centroids'> | null;
  margin: number;
  /**
   * Whether a lead staying in the learned segments is re-assigned by the model (ingest, activation), or keeps its
   * learned segment (rule changes and the sweep move only what the rules move).
   */
  relearn: boolean;
}

/**
 * The segment change of one lead, or null when it stays. `vector` is standardised for `context.model` (ignored
 * without a model).
 */
export function decideSegment(
  context: DecisionContext,
  facts: RuleFacts,
  vector: readonly number[] | null,
  current: CurrentMembership | null,
): { segmentId: string | null; byRule: boolean } | null {
  const { model, rules } = context;
  const segmentId = chooseSegment({
    rules,
    facts,
    currentSegmentId: current?.segment_id ?? null,
    currentIsRule: current?.by_rule ?? false,
    learned: (learnedId) => {
      if (learnedId !== null && (!context.relearn || !model)) return learnedId;
      if (!model || !vector) return null;
      return assignSegment({ vector, centroids: model.centroids, currentSegmentId: learnedId, margin: context.margin })
        .segmentId;
    },
  });
  if (segmentId === (current?.segment_id ?? null)) return null;
  return { segmentId, byRule: rules.some((r) => r.segmentId === segmentId) };
}

/** A lead to decide in bulk: its rule facts and (with a model) its standardised vector. */
export interface LeadToDecide {
  leadId: string;
  facts: RuleFacts;
  vector: readonly number[] | null;
}

/** {@link decideSegment} for many leads, as membership changes without a trigger event. */
export function decideSegments(
  context: DecisionContext,
  leads: Iterable<LeadToDecide>,
  open: ReadonlyMap<string, CurrentMembership>,
): MembershipChange[] {
  const changes: MembershipChange[] = [];
  for (const lead of leads) {
    const current = open.get(lead.leadId) ?? null;
    const decision = decideSegment(context, lead.facts, lead.vector, current);
    if (!decision) continue;
    changes.push({
      leadId: lead.leadId,
      from: current && { membershipId: current.membership_id, segmentId: current.segment_id },
      toSegmentId: decision.segmentId,
      byRule: decision.byRule,
      triggerEventId: null,
    });
  }
  return changes;
}

/** The stored rule segments (segments.store `listRuleSegments`, priority order) as the decision reads them. */
export function ruleSegmentRefs(rows: readonly { id: string; rule: SegmentRule }[]): RuleSegmentRef[] {
  return rows.map((r) => ({ segmentId: r.id, rule: r.rule }));
}
