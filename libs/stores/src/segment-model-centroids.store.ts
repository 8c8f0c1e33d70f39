import type { Queryable } from './queryable';

// Owner of `segment_model_centroids`: each model version's segments, in position order, with their centroids
// (standardised and raw), sizes at training and generated descriptions. Written once per model, never changed.

/** One segment of a trained model, for {@link insertCentroids}; position is its index. */
export interface CentroidInput {
  segmentId: string;
  centroid: number[];
  rawCentroid: number[];
  size: number;
  description: string;
}

/**
 * Stores a model's centroids in one statement, in the order given.
 * @example await insertCentroids(manager, modelId, [{ segmentId, centroid, rawCentroid, size: 120, description: 'Engaged SaaS' }]);
 */
export async function insertCentroids(
  db: Queryable,
  modelId: string,
  segments: readonly CentroidInput[],
): Promise<void> {
  await db.query(
    `INSERT INTO segment_model_centroids (model_id, segment_id, position, centroid, raw_centroid, size, generated_description)
     SELECT $1, x.segment_id, x.position, ARRAY(SELECT jsonb_array_elements_text(x.centroid)::float8), ARRAY(SELECT jsonb_array_elements_text(x.raw)::float8), x.size, x.description
     FROM unnest($2::uuid[], $3::int[], $4::jsonb[], $5::jsonb[], $6::int[], $7::text[]) AS x(segment_id, position, centroid, raw, size, description)`,
    [
      modelId,
      segments.map((x) => x.segmentId),
      segments.map((_, i) => i),
      segments.map((x) => JSON.stringify(x.centroid)),
      segments.map((x) => JSON.stringify(x.rawCentroid)),
      segments.map((x) => x.size),
      segments.map((x) => x.description),
    ],
  );
}

/**
 * A model's standardised centroids by segment id, in position order (what assignment compares a lead with).
 * @example const centroids = await listModelCentroids(manager, modelId);
 */
export function listModelCentroids(db: Queryable, modelId: string): Promise<{ id: string; centroid: number[] }[]> {
  return db.query(
    `SELECT segment_id AS id, centroid FROM segment_model_centroids WHERE model_id = $1 ORDER BY position`,
    [modelId],
  );
}

/** A segment of a model as its page shows it. */
export interface ModelSegmentRow {
  id: string;
  name: string;
  size: number;
  generated_description: string;
  raw_centroid: number[];
}

/**
 * A model's segments in position order, with their current names.
 * @example const segments = await listModelSegments(manager, modelId);
 */
export function listModelSegments(db: Queryable, modelId: string): Promise<ModelSegmentRow[]> {
  return db.query(
    `SELECT s.id, s.name, c.size, c.generated_description, c.raw_centroid FROM segment_model_centroids c
     JOIN segments s ON s.id = c.segment_id WHERE c.model_id = $1 ORDER BY c.position`,
    [modelId],
  );
}
