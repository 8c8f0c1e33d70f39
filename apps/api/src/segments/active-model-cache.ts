import { Injectable } from '@nestjs/common';
import { ActiveModel, findActiveModelId, readSegmentModel } from '@segflow/stores';
import type { EntityManager } from 'typeorm';

export type { ActiveModel } from '@segflow/stores';

/**
 * The active model, read inside the caller's transaction. Only its id is queried per flush (ingest reads it with
 * other things, see {@link byId}); centroids are cached by model id (a model's centroids never change once stored).
 */
@Injectable()
export class ActiveModelCache {
  private cached: ActiveModel | null = null;

  async load(manager: EntityManager): Promise<ActiveModel | null> {
    return this.byId(manager, await findActiveModelId(manager));
  }

  /** The model with this id (the caller read it as the active one), from the cache when it is the last one asked. */
  async byId(manager: EntityManager, modelId: string | null): Promise<ActiveModel | null> {
    if (modelId === null) return null;
    if (this.cached?.id !== modelId) this.cached = await readSegmentModel(manager, modelId);
    return this.cached;
  }
}
