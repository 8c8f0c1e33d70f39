import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
} from '@nestjs/common';
import {
  discardCandidate,
  recordAuditEntry,
  SYSTEM_ACTOR,
  failAbandonedTrainings,
  findModel,
  findModelDiff,
  insertCentroids,
  insertSegments,
  listColoursInUse,
  listModelIds,
  listModelSegments,
  markModelFailed,
  recordTrainingProgress,
  renewTrainingLease,
  startTraining,
  storeCandidateModel,
} from '@segflow/stores';
import type { AuditActor } from '@segflow/api-contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { namedFeatures } from '@segflow/scoring/features';
import type { SegmentDrift, Standardizer } from '@segflow/scoring';
import { buildModelDiff } from './build-model-diff';
import { measureCandidateDrift } from './candidate-drift';
import { featureOptionsFrom } from '../config/feature-options';
import { ActiveModelCache } from './active-model-cache';
import { ModelActivator, ModelNotCandidateError } from './model-activator';
import type { RetrainJob, RetrainResult } from './retrain-job';
import { runRetrain } from './run-retrain';
import { nameFromDescription, pickColours } from './segment-colours';
import { SegmentModelDiffDto, SegmentModelDto, SegmentModelStatus } from './segment-model.dto';

/** Body of `POST /api/segments/retrain`. */
export interface RetrainRequest {
  k?: number;
  kRange?: [number, number];
  seed?: number;
}

// The response leaves the propensity model's standardiser out: it is internal to prediction.
function withoutStandardizer(propensity: RetrainResult['propensity'] | null): SegmentModelDto['propensity'] {
  if (propensity?.status !== 'trained') return propensity;
  const { standardizer: _standardizer, ...rest } = propensity;
  return rest;
}

/**
 * How long a training holds its lease (`segment_models.training_until`) unless renewed; the training's API renews it
 * every third of that. A training whose API was killed stops blocking retrains at most this long after.
 */
export const TRAINING_LEASE_SECONDS = 60;

/**
 * Trains model versions off the event loop, stores them with metrics, and runs the candidate → approve flow. A
 * training holds a lease renewed while it runs: one left behind by a killed API is marked failed at the next boot or
 * retrain, so it never blocks later retrains.
 */
@Injectable()
export class SegmentModelsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SegmentModelsService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ActiveModelCache,
    private readonly activator: ModelActivator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.failAbandonedTrainings();
  }

  /** Starts a retrain and returns at once with the model in `training`; poll `get` for progress. */
  async retrain(request: RetrainRequest, now: Date = new Date()): Promise<SegmentModelDto> {
    const started = await this.startRetrain(request, now);
    if (!started) throw new ConflictException('a retrain is already running');
    return this.getOrThrow(started.modelId);
  }

  /**
   * Starts a retrain; null when one is already running (its lease is live). `done` settles when the model has left
   * `training` (candidate, active for a first model, or failed); it never rejects.
   */
  async startRetrain(
    request: RetrainRequest,
    now: Date = new Date(),
  ): Promise<{ modelId: string; done: Promise<void> } | null> {
    const params = { ...request, seed: request.seed ?? 42 };
    await this.failAbandonedTrainings();
    const modelId = await startTraining(this.dataSource.manager, params, TRAINING_LEASE_SECONDS);
    if (modelId === null) return null;
    const active = await this.models.load(this.dataSource.manager);
    const job: RetrainJob = {
      now: now.toISOString(),
      ...params,
      maxDistance: this.config.SEGMENT_MATCH_MAX_DISTANCE,
      margin: this.config.SEGMENT_HYSTERESIS,
      active: active && { standardizer: active.standardizer, centroids: active.centroids },
      freshIds: Array.from({ length: 32 }, () => randomUUID()),
      propensity: {
        label: { goalEventType: this.config.PROPENSITY_GOAL_EVENT, horizonDays: this.config.PROPENSITY_HORIZON_DAYS },
        calibration: this.config.PROPENSITY_CALIBRATION,
        maxEntries: this.config.PROPENSITY_MAX_ENTRIES,
        featureOptions: featureOptionsFrom(this.config),
      },
    };
    const heartbeat = setInterval(() => void this.renewLease(modelId), (TRAINING_LEASE_SECONDS * 1000) / 3);
    const done = this.train(modelId, job, active?.id ?? null, now).finally(() => {
      clearInterval(heartbeat);
      this.running.delete(done);
    });
    this.running.add(done);
    return { modelId, done };
  }

  /** Resolves when every retrain started by this instance has finished (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private async failAbandonedTrainings(): Promise<void> {
    for (const id of await failAbandonedTrainings(this.dataSource.manager))
      this.logger.warn(`retrain ${id} marked failed: its lease ran out`);
  }

  private async renewLease(modelId: string): Promise<void> {
    await renewTrainingLease(this.dataSource.manager, modelId, TRAINING_LEASE_SECONDS).catch((error: Error) =>
      this.logger.warn(`retrain ${modelId}: lease not renewed: ${error.message}`),
    );
  }

  async list(): Promise<SegmentModelDto[]> {
    return Promise.all((await listModelIds(this.dataSource.manager, 50)).map((id) => this.getOrThrow(id)));
  }

  async getOrThrow(id: string): Promise<SegmentModelDto> {
    const model = await findModel<
      SegmentModelDto['params'],
      SegmentModelDto['progress'],
      NonNullable<SegmentModelDto['metrics']>
    >(this.dataSource.manager, id);
    if (!model) throw new NotFoundException(`segment model ${id} not found`);
    const segments = await listModelSegments(this.dataSource.manager, model.id);
    return {
      id: model.id,
      status: model.status as SegmentModelStatus,
      params: model.params,
      progress: model.progress,
      metrics: model.metrics,
      propensity: withoutStandardizer(model.propensity as RetrainResult['propensity'] | null),
      drift: model.drift as SegmentDrift | null,
      error: model.error,
      segments: segments.map((s) => ({
        id: s.id,
        name: s.name,
        size: s.size,
        description: s.generated_description,
        centroid: namedFeatures(s.raw_centroid),
      })),
      createdAt: model.created_at.toISOString(),
      trainedAt: model.trained_at?.toISOString() ?? null,
      activatedAt: model.activated_at?.toISOString() ?? null,
    };
  }

  async diffOrThrow(id: string): Promise<SegmentModelDiffDto> {
    const row = await findModelDiff<SegmentModelDiffDto>(this.dataSource.manager, id);
    if (!row) throw new NotFoundException(`segment model ${id} not found`);
    if (!row.diff) throw new ConflictException(`segment model ${id} has no diff yet (still training or failed)`);
    return row.diff;
  }

  async approveOrThrow(
    id: string,
    actor: AuditActor,
    now: Date = new Date(),
  ): Promise<SegmentModelDto & { reassigned: number }> {
    await this.getOrThrow(id);
    try {
      const { reassigned } = await this.activator.activateOrThrow(id, now, actor);
      return { ...(await this.getOrThrow(id)), reassigned };
    } catch (error) {
      if (error instanceof ModelNotCandidateError) throw new ConflictException(error.message);
      throw error;
    }
  }

  async discardOrThrow(id: string, actor: AuditActor, now: Date = new Date()): Promise<SegmentModelDto> {
    await this.getOrThrow(id);
    await this.dataSource.transaction(async (manager) => {
      if (!(await discardCandidate(manager, id, now)))
        throw new ConflictException(`segment model ${id} is not a candidate`);
      await recordAuditEntry(manager, {
        actor,
        action: 'segmentModel.discarded',
        entityType: 'segmentModel',
        entityId: id,
        after: { status: 'discarded' },
      });
    });
    return this.getOrThrow(id);
  }

  private async train(modelId: string, job: RetrainJob, activeModelId: string | null, now: Date): Promise<void> {
    try {
      let lastPhase = '';
      const result = await runRetrain(this.config.DATABASE_URL, job, (phase, fraction) => {
        if (phase === lastPhase) return;
        lastPhase = phase;
        void recordTrainingProgress(this.dataSource.manager, modelId, { phase, fraction });
      });
      await this.dataSource.transaction((manager) =>
        this.storeCandidate(manager, modelId, result, activeModelId, job.active?.standardizer),
      );
      // The first model has nothing to be compared with: it becomes active without approval.
      if (activeModelId === null) await this.activator.activateOrThrow(modelId, now, SYSTEM_ACTOR);
    } catch (error) {
      this.logger.error(`retrain ${modelId} failed: ${(error as Error).message}`);
      await markModelFailed(this.dataSource.manager, modelId, (error as Error).message);
    }
  }

  private async storeCandidate(
    manager: EntityManager,
    modelId: string,
    result: RetrainResult,
    activeModelId: string | null,
    activeStandardizer: Standardizer | undefined,
  ): Promise<void> {
    const added = result.segments.filter((s) => s.origin === 'added');
    const colours = pickColours(await listColoursInUse(manager), added.length);
    await insertSegments(
      manager,
      added.map((s, i) => ({
        id: s.id,
        name: nameFromDescription(s.description),
        description: s.description,
        colour: colours[i]!,
      })),
    );
    const s = result.segments;
    await insertCentroids(
      manager,
      modelId,
      s.map((x) => ({
        segmentId: x.id,
        centroid: x.centroid,
        rawCentroid: x.rawCentroid,
        size: x.size,
        description: x.description,
      })),
    );
    const metrics = {
      ...result.metrics,
      leadCount: result.leadCount,
      sizes: Object.fromEntries(s.map((x) => [x.id, x.size])),
    };
    const diff = await buildModelDiff(manager, modelId, result, activeModelId, metrics);
    await storeCandidateModel(manager, modelId, {
      standardizer: result.standardizer,
      metrics,
      diff,
      drift: measureCandidateDrift(result, diff, activeStandardizer),
      propensity: result.propensity,
    });
  }
}
