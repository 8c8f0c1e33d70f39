import {
  ACCUMULATOR_NAMES,
  emptyFeatureState,
  vectorOf,
  type Accumulators,
  type FeatureState,
  type LeadFirmographicsRow,
} from '@segflow/scoring/features';
import { TRAINING_LEADS_COPY } from '@segflow/stores';
import { BinaryCopyParser, decimalAt, int32At, textAt, type CopyTuple } from '../database/binary-copy-parser';

/** What a retrain reads of every lead, in lead id order. */
export interface TrainingLeads {
  /** Raw feature vectors at `now`. */
  vectors: number[][];
  /** Each lead's open membership's segment id (null: none). */
  current: (string | null)[];
}

const {
  industry: INDUSTRY,
  headcount: HEADCOUNT,
  revenueBand: REVENUE_BAND,
  fundingStage: FUNDING_STAGE,
  segmentId: SEGMENT_ID,
  eventCount: EVENT_COUNT,
  lastDecayAt: LAST_DECAY_AT,
  lastEngagedAt: LAST_ENGAGED_AT,
  firstAccumulator: FIRST_ACCUMULATOR,
} = TRAINING_LEADS_COPY.columns;

// A lead without a lead_features row (no events yet) has the empty state, as before. A JSON null accumulator reads
// as 0, which is what arithmetic made of it in the JSON state.
function stateOf(t: CopyTuple): FeatureState {
  const eventCount = decimalAt(t, EVENT_COUNT);
  if (eventCount === null) return emptyFeatureState();
  const acc = {} as Accumulators;
  ACCUMULATOR_NAMES.forEach((name, j) => (acc[name] = decimalAt(t, FIRST_ACCUMULATOR + j) ?? 0));
  return { eventCount, lastDecayAt: decimalAt(t, LAST_DECAY_AT), lastEngagedAt: decimalAt(t, LAST_ENGAGED_AT), acc };
}

function firmographicsOf(t: CopyTuple): LeadFirmographicsRow {
  return {
    industry: textAt(t, INDUSTRY),
    headcount: int32At(t, HEADCOUNT),
    revenue_band: textAt(t, REVENUE_BAND),
    funding_stage: textAt(t, FUNDING_STAGE),
  };
}

/**
 * Decodes TRAINING_LEADS_COPY's output (libs/stores) chunk by chunk into feature vectors at `now` (libs/scoring
 * `featureVector`, as everywhere else) and current segment ids, so the vectors are ready when the last byte is.
 */
export class TrainingLeadsDecoder {
  private readonly leads: TrainingLeads = { vectors: [], current: [] };
  private readonly parser: BinaryCopyParser;

  constructor(now: Date) {
    this.parser = new BinaryCopyParser(TRAINING_LEADS_COPY.columnCount, (t) => {
      this.leads.vectors.push(vectorOf(stateOf(t), firmographicsOf(t), now));
      this.leads.current.push(textAt(t, SEGMENT_ID));
    });
  }

  push(chunk: Uint8Array): void {
    this.parser.push(chunk);
  }

  finish(): TrainingLeads {
    this.parser.end();
    return this.leads;
  }
}
