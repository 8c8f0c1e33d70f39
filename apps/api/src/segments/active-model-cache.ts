import { Injectable } from '@nestjs/common';
import type { Standardizer } from '@segflow/scoring';
import type { EntityManager } from 'typeorm';

/** What real-time assignment needs of the active model. Centroids are standardised. */
export interface ActiveModel {
  id: string;
  standardizer: Standardizer;
  centroids: { id: string; centroid: number[] }[];
}

/**
 * The active model, read inside the caller's transaction. Only its id is queried per flush; centroids are cached
 * by model id (a model's centroids never change once stored).
 */
@Injectable()
export class ActiveModelCache {
  private cached: ActiveModel | null = null;

  async load(manager: EntityManager): Promise<ActiveModel | null> {
    const [row] = await manager.query(`SELECT id, standardizer FROM segment_models WHERE status = 'active'`);
    if (!row) return null;
    if (this.cached?.id === row.id) return this.cached;
    const centroids = await manager.query(
      `SELECT segment_id AS id, centroid FROM segment_model_centroids WHERE model_id = $1 ORDER BY position`,
      [row.id],
    );
    this.cached = { id: row.id, standardizer: row.standardizer, centroids };
    return this.cached;
  }
}
