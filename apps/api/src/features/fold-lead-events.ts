import { outcomeOf } from '@segflow/events';
import { applyEvent, EventInput, FeatureOptions, FeatureState } from '@segflow/scoring';

/** A lead's state after a flush, plus facts the feature row keeps beside it. */
export interface FoldedFeatures {
  state: FeatureState;
  /** Occurrence time of the earliest conversion (a purchase) in these events, else null. */
  convertedAt: Date | null;
}

/**
 * Folds a flush's new events into a lead's stored state with libs/scoring `applyEvent`: O(1) per event, no history
 * rescan. Order does not matter to the result (applyEvent is order-tolerant), so late events need no special path.
 */
export function foldLeadEvents(
  state: FeatureState,
  events: readonly EventInput[],
  now: Date,
  options: FeatureOptions,
): FoldedFeatures {
  let next = state;
  let convertedAt: number | null = null;
  for (const event of events) {
    next = applyEvent(next, event, now, options);
    if (outcomeOf(event.type) === 'conversion') {
      const at = Math.min(Date.parse(event.occurredAt), now.getTime());
      convertedAt = convertedAt === null ? at : Math.min(convertedAt, at);
    }
  }
  return { state: next, convertedAt: convertedAt === null ? null : new Date(convertedAt) };
}
