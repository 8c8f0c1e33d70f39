import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActiveModel, readSegmentModel } from './read-segment-model';

export type { ActiveModel } from './read-segment-model';

/**
 * The active model, read inside the caller's transaction. Only its id is queried per flush; centroids are cached
 * by model id (a model's centroids never change once stored).
 */
@Injectable()
export class ActiveModelCache {
  private cached: ActiveModel | null = null;

  async load(manager: EntityManager): Promise<ActiveModel | null> {
    const [row] = await manager.query(`SELECT id FROM segment_models WHERE status = 'active'`);
    if (!row) return null;
    if (this.cached?.id === row.id) return this.cached;
    this.cached = await readSegmentModel(manager, row.id);
    return this.cached;
  }
}
