import { ACCUMULATOR_NAMES, emptyFeatureState, type Accumulators, type FeatureState } from '@segflow/scoring/features';
import { BinaryCopyParser, decimalAt, int32At, textAt, type CopyTuple } from '../database/binary-copy-parser';
import { vectorOf, type LeadFirmographicsRow } from '../features/lead-feature-row';

/** What a retrain reads of every lead, in lead id order. */
export interface TrainingLeads {
  /** Raw feature vectors at `now`. */
  vectors: number[][];
  /** Each lead's open membership's segment id (null: none). */
  current: (string | null)[];
}

// The state's numbers leave Postgres as the text jsonb prints them (->>), so parseDecimal reads exactly the doubles
// that JSON.parse of the whole state would: both round the same decimal correctly. Printing the whole state costs about
// as much in Postgres, but parsing it as JSON in Node took ~0.3 s per 100k leads plus the garbage of 100k objects.
const FIRMOGRAPHICS = ['l.industry', 'l.headcount', 'l.revenue_band', 'l.funding_stage', 'm.segment_id::text'];
const STATE_NUMBERS = [
  `f.state->>'eventCount'`, `f.state->>'lastDecayAt'`, `f.state->>'lastEngagedAt'`,
  ...ACCUMULATOR_NAMES.map((name) => `f.state->'acc'->>'${name}'`),
];
const COLUMNS = [...FIRMOGRAPHICS, ...STATE_NUMBERS];
const [INDUSTRY, HEADCOUNT, REVENUE_BAND, FUNDING_STAGE, SEGMENT_ID, EVENT_COUNT, LAST_DECAY_AT, LAST_ENGAGED_AT, FIRST_ACCUMULATOR] = COLUMNS.keys();

/**
 * Every lead's firmographics, feature state numbers and open membership, as binary COPY. Row order feeds k-means++
 * and the silhouette sample: a fixed order is what makes the same seed give the same model.
 */
export const TRAINING_LEADS_COPY = `
COPY (SELECT ${COLUMNS.join(', ')}
  FROM leads l
  LEFT JOIN lead_features f ON f.lead_id = l.id
  LEFT JOIN segment_memberships m ON m.lead_id = l.id AND m.left_at IS NULL
  ORDER BY l.id) TO STDOUT (FORMAT binary)`;

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
  return { industry: textAt(t, INDUSTRY), headcount: int32At(t, HEADCOUNT), revenue_band: textAt(t, REVENUE_BAND), funding_stage: textAt(t, FUNDING_STAGE) };
}

/**
 * Decodes {@link TRAINING_LEADS_COPY}'s output chunk by chunk into feature vectors at `now` (libs/scoring
 * `featureVector`, as everywhere else) and current segment ids, so the vectors are ready when the last byte is.
 */
export class TrainingLeadsDecoder {
  private readonly leads: TrainingLeads = { vectors: [], current: [] };
  private readonly parser: BinaryCopyParser;

  constructor(now: Date) {
    this.parser = new BinaryCopyParser(COLUMNS.length, (t) => {
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
