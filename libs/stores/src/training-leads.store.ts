import { ACCUMULATOR_NAMES } from '@segflow/scoring/features';

// A read model over leads, lead_features and segment_memberships: what a retrain reads of every lead. It streams
// as binary COPY (pg-copy-streams on a connection of the retrain's own), which no Queryable can run, so this store
// gives the statement and its column layout and the API's reader runs and decodes it.

// The state's numbers leave Postgres as the text jsonb prints them (->>), so parseDecimal reads exactly the doubles
// that JSON.parse of the whole state would: both round the same decimal correctly. Printing the whole state costs about
// as much in Postgres, but parsing it as JSON in Node took ~0.3 s per 100k leads plus the garbage of 100k objects.
const FIRMOGRAPHICS = ['l.industry', 'l.headcount', 'l.revenue_band', 'l.funding_stage', 'm.segment_id::text'];
const STATE_NUMBERS = [
  `f.state->>'eventCount'`,
  `f.state->>'lastDecayAt'`,
  `f.state->>'lastEngagedAt'`,
  ...ACCUMULATOR_NAMES.map((name) => `f.state->'acc'->>'${name}'`),
];
const COLUMNS = [...FIRMOGRAPHICS, ...STATE_NUMBERS];
const [
  industry,
  headcount,
  revenueBand,
  fundingStage,
  segmentId,
  eventCount,
  lastDecayAt,
  lastEngagedAt,
  firstAccumulator,
] = COLUMNS.keys();

/**
 * Every lead's firmographics, feature state numbers and open membership, as a binary COPY statement, with the
 * position of each column (the accumulators follow `firstAccumulator` in ACCUMULATOR_NAMES order). Row order feeds
 * k-means++ and the silhouette sample: a fixed order is what makes the same seed give the same model.
 * @example for await (const chunk of client.query(copyTo(TRAINING_LEADS_COPY.sql))) decoder.push(chunk);
 */
export const TRAINING_LEADS_COPY = {
  sql: `
COPY (SELECT ${COLUMNS.join(', ')}
  FROM leads l
  LEFT JOIN lead_features f ON f.lead_id = l.id
  LEFT JOIN segment_memberships m ON m.lead_id = l.id AND m.left_at IS NULL
  ORDER BY l.id) TO STDOUT (FORMAT binary)`,
  columnCount: COLUMNS.length,
  columns: {
    industry,
    headcount,
    revenueBand,
    fundingStage,
    segmentId,
    eventCount,
    lastDecayAt,
    lastEngagedAt,
    firstAccumulator,
  },
} as const;
