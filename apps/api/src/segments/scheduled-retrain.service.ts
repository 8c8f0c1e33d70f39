import { Injectable } from '@nestjs/common';
import type { ScheduledRetrainOutcome, SegmentModel } from '@segflow/api-contracts';
import { findActiveModelId, listUserViews, type UserRole } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { SegmentModelsService } from './segment-models.service';

/** Who hears of a scheduled candidate: the roles that may approve or discard it. */
const REVIEWER_ROLES: UserRole[] = ['admin', 'ops'];
/** Below the activity's one-minute heartbeat timeout, so a live retrain is never taken for a dead worker. */
const HEARTBEAT_MS = 10_000;

/** Where the web app reviews a candidate (its diff, quality and drift, then approve or discard). */
export const candidateReviewPath = (modelId: string) => `/segments?model=${encodeURIComponent(modelId)}`;

/** What a scheduled retrain does, in the API that owns the retrain (the scheduled workflow's activity calls it). */
@Injectable()
export class ScheduledRetrainService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: SegmentModelsService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Retrains as `POST /api/segments/retrain {}` does (warm start) and waits for it; skips when no model is active (the
   * first model is a person's call) or a retrain holds the lease. A candidate notifies admins and ops, once each.
   */
  async retrainOnSchedule(heartbeat: () => void, now: Date = new Date()): Promise<ScheduledRetrainOutcome> {
    if ((await findActiveModelId(this.dataSource.manager)) === null)
      return { kind: 'skipped', reason: 'no_active_model' };
    const started = await this.models.startRetrain({}, now);
    if (!started) return { kind: 'skipped', reason: 'already_running' };
    heartbeat();
    const beat = setInterval(heartbeat, HEARTBEAT_MS);
    try {
      await started.done;
    } finally {
      clearInterval(beat);
    }
    const model = await this.models.getOrThrow(started.modelId);
    if (model.status !== 'candidate') return { kind: 'failed', modelId: model.id, error: model.error };
    await this.notifyReviewers(model);
    return {
      kind: 'candidate',
      modelId: model.id,
      drift: model.drift && { score: model.drift.score, level: model.drift.level },
    };
  }

  private async notifyReviewers(model: SegmentModel): Promise<void> {
    const drift = model.drift;
    const title = drift ? `Segment model retrained: ${drift.level} drift` : 'Segment model retrained';
    const body =
      `The scheduled retrain raised a candidate${drift ? ` with drift score ${drift.score.toFixed(2)} (${drift.level})` : ''}. ` +
      'Review it on the Segments page and approve or discard it; no lead moves until then.';
    const link = candidateReviewPath(model.id);
    await this.dataSource.transaction(async (tx) => {
      for (const role of REVIEWER_ROLES)
        for (const user of await listUserViews(tx, { role, teamId: null }))
          if (user.active)
            await this.notifications.notify(tx, {
              userId: user.id,
              kind: 'segment_candidate',
              title,
              body,
              data: { modelId: model.id, driftLevel: drift?.level ?? null, driftScore: drift?.score ?? null, link },
              dedupeKey: `segment-candidate:${model.id}:${user.id}`,
            });
    });
  }
}
