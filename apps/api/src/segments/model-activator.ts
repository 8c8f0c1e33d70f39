import { Inject, Injectable } from '@nestjs/common';
import { assignSegment, emptyFeatureState, FeatureState, standardize } from '@segflow/scoring';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LeadFirmographicsRow, vectorOf } from '../features/lead-feature-row';
import { ActiveModelCache } from './active-model-cache';
import { MembershipChange, writeMembershipChanges } from './membership-writer';
import { lockActiveModelExclusive } from './segment-model-lock';

const ALL_LEADS_SQL = `
SELECT l.id, l.industry, l.headcount, l.revenue_band, l.funding_stage, f.state, m.id AS membership_id, m.segment_id
FROM leads l
LEFT JOIN lead_features f ON f.lead_id = l.id
LEFT JOIN segment_memberships m ON m.lead_id = l.id AND m.left_at IS NULL
ORDER BY l.id`;

/** Thrown when the model is not a candidate any more (approved or discarded meanwhile). */
export class ModelNotCandidateError extends Error {}

/**
 * Makes a candidate the active model and re-assigns every lead to it (with hysteresis, so leads near a boundary
 * stay), in one transaction holding the model lock exclusively: ingest flushes wait, then assign with the new model.
 */
@Injectable()
export class ModelActivator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ActiveModelCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  activateOrThrow(modelId: string, now: Date): Promise<{ reassigned: number }> {
    return this.dataSource.transaction(async (manager) => {
      await lockActiveModelExclusive(manager);
      const [model] = await manager.query(`SELECT status FROM segment_models WHERE id = $1 FOR UPDATE`, [modelId]);
      if (model?.status !== 'candidate') throw new ModelNotCandidateError(`model ${modelId} is ${model?.status ?? 'unknown'}, not a candidate`);
      await manager.query(`UPDATE segment_models SET status = 'retired' WHERE status = 'active'`);
      await manager.query(`UPDATE segment_models SET status = 'active', activated_at = $2, decided_at = $2 WHERE id = $1`, [modelId, now]);
      await manager.query(
        `UPDATE segments s SET description = c.generated_description, updated_at = now()
         FROM segment_model_centroids c WHERE c.model_id = $1 AND c.segment_id = s.id AND NOT s.description_edited`,
        [modelId],
      );
      return { reassigned: await this.reassignAll(manager, now) };
    });
  }

  private async reassignAll(manager: EntityManager, now: Date): Promise<number> {
    const model = (await this.models.load(manager))!;
    const leads: (LeadFirmographicsRow & { id: string; state: FeatureState | null; membership_id: string | null; segment_id: string | null })[] = await manager.query(ALL_LEADS_SQL);
    const changes: MembershipChange[] = [];
    for (const lead of leads) {
      const vector = standardize(vectorOf(lead.state ?? emptyFeatureState(), lead, now), model.standardizer);
      const assignment = assignSegment({ vector, centroids: model.centroids, currentSegmentId: lead.segment_id, margin: this.config.SEGMENT_HYSTERESIS });
      if (!assignment.changed) continue;
      const from = lead.membership_id && lead.segment_id ? { membershipId: lead.membership_id, segmentId: lead.segment_id } : null;
      changes.push({ leadId: lead.id, from, toSegmentId: assignment.segmentId, triggerEventId: null });
    }
    await writeMembershipChanges(manager, changes, { modelId: model.id, at: now, reason: 'model_activated' });
    return changes.length;
  }
}
