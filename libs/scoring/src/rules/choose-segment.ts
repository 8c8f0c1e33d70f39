import { firstMatchingRule, type RuleFacts, type SegmentRule } from './segment-rule';

/** Input of {@link chooseSegment}. */
export interface ChooseSegmentInput {
  /** Live rule segments in priority order. */
  rules: readonly { segmentId: string; rule: SegmentRule }[];
  facts: RuleFacts;
  currentSegmentId: string | null;
  /** Whether `currentSegmentId` is a rule segment (live or deleted). */
  currentIsRule: boolean;
  /**
   * The learned segment for a lead no rule takes: the model's assignment with hysteresis from the given current
   * segment (null: the lead was in a rule segment), or null without a model. Called only when no rule matches.
   */
  learned: (currentLearnedId: string | null) => string | null;
}

/**
 * The precedence between rule and learned segments: a lead is in its highest-priority matching rule segment, else in
 * its learned segment. One open membership per lead either way, so one run per segment entry still holds. A lead
 * leaving a rule segment has no learned segment to keep, so hysteresis starts afresh (nearest centroid).
 * @example chooseSegment({ rules, facts, currentSegmentId: 'a', currentIsRule: false, learned: () => 'a' }); // 'a' unless a rule matches
 */
export function chooseSegment(input: ChooseSegmentInput): string | null {
  return (
    firstMatchingRule(input.rules, input.facts) ?? input.learned(input.currentIsRule ? null : input.currentSegmentId)
  );
}
