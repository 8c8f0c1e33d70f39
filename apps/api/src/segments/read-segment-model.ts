import type { Standardizer } from '@segflow/scoring';
import type { Queryable } from '@segflow/stores';

/** What assignment needs of a model. Centroids are standardised. */
export interface ActiveModel {
  id: string;
  standardizer: Standardizer;
  centroids: { id: string; centroid: number[] }[];
}

/** Reads a stored model's standardiser and centroids (segment ids in position order); null when there is none. */
export async function readSegmentModel(db: Queryable, modelId: string): Promise<ActiveModel | null> {
  const [row] = await db.query(`SELECT id, standardizer FROM segment_models WHERE id = $1`, [modelId]);
  if (!row) return null;
  const centroids = await db.query(`SELECT segment_id AS id, centroid FROM segment_model_centroids WHERE model_id = $1 ORDER BY position`, [modelId]);
  return { id: row.id, standardizer: row.standardizer, centroids };
}
