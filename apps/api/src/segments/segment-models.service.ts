import { ConflictException, Inject, Injectable, Logger, NotFoundException, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { namedFeatures } from '../features/lead-feature-row';
import { ActiveModelCache } from './active-model-cache';
import { ModelActivator, ModelNotCandidateError } from './model-activator';
import type { RetrainJob, RetrainResult } from './retrain-job';
import { runRetrain } from './run-retrain';
import { nameFromDescription, pickColours } from './segment-colours';
import { SegmentModelDiffDto, SegmentModelDto } from './segment-model.dto';

/** Body of `POST /api/segments/retrain`. */
export interface RetrainRequest {
  k?: number;
  kRange?: [number, number];
  seed?: number;
}

/**
 * How long a training holds its lease (`segment_models.training_until`) unless renewed; the training's API renews it
 * every third of that. A training whose API was killed stops blocking retrains at most this long after.
 */
export const TRAINING_LEASE_SECONDS = 60;

/** Marks failed every training whose lease ran out: its API died mid-training and nobody will finish it. */
const FAIL_ABANDONED_TRAININGS_SQL = `UPDATE segment_models SET status = 'failed',
  error = 'training abandoned: its lease ran out (the API training it was stopped or lost the database)'
  WHERE status = 'training' AND (training_until IS NULL OR training_until < now())`;

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
    const params = { ...request, seed: request.seed ?? 42 };
    await this.failAbandonedTrainings();
    const [row] = await this.dataSource.query(
      `INSERT INTO segment_models (status, params, training_until)
       SELECT 'training', $1, now() + $2 * interval '1 second' WHERE NOT EXISTS (SELECT 1 FROM segment_models WHERE status = 'training') RETURNING id`,
      [JSON.stringify(params), TRAINING_LEASE_SECONDS],
    );
    if (!row) throw new ConflictException('a retrain is already running');
    const active = await this.models.load(this.dataSource.manager);
    const job: RetrainJob = {
      now: now.toISOString(), ...params,
      maxDistance: this.config.SEGMENT_MATCH_MAX_DISTANCE, margin: this.config.SEGMENT_HYSTERESIS,
      active: active && { standardizer: active.standardizer, centroids: active.centroids },
      freshIds: Array.from({ length: 32 }, () => randomUUID()),
    };
    const heartbeat = setInterval(() => void this.renewLease(row.id), (TRAINING_LEASE_SECONDS * 1000) / 3);
    const done = this.train(row.id, job, active?.id ?? null, now).finally(() => {
      clearInterval(heartbeat);
      this.running.delete(done);
    });
    this.running.add(done);
    return this.getOrThrow(row.id);
  }

  /** Resolves when every retrain started by this instance has finished (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private async failAbandonedTrainings(): Promise<void> {
    const [failed] = await this.dataSource.query(`${FAIL_ABANDONED_TRAININGS_SQL} RETURNING id`);
    for (const { id } of failed as Array<{ id: string }>) this.logger.warn(`retrain ${id} marked failed: its lease ran out`);
  }

  private async renewLease(modelId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE segment_models SET training_until = now() + $2 * interval '1 second' WHERE id = $1 AND status = 'training'`,
      [modelId, TRAINING_LEASE_SECONDS],
    ).catch((error: Error) => this.logger.warn(`retrain ${modelId}: lease not renewed: ${error.message}`));
  }

  async list(): Promise<SegmentModelDto[]> {
    const rows = await this.dataSource.query(`SELECT id FROM segment_models ORDER BY created_at DESC LIMIT 50`);
    return Promise.all(rows.map((r: { id: string }) => this.getOrThrow(r.id)));
  }

  async getOrThrow(id: string): Promise<SegmentModelDto> {
    const [model] = await this.dataSource.query(`SELECT * FROM segment_models WHERE id::text = $1`, [id]);
    if (!model) throw new NotFoundException(`segment model ${id} not found`);
    const segments = await this.dataSource.query(
      `SELECT s.id, s.name, c.size, c.generated_description, c.raw_centroid FROM segment_model_centroids c
       JOIN segments s ON s.id = c.segment_id WHERE c.model_id = $1 ORDER BY c.position`,
      [model.id],
    );
    return {
      id: model.id, status: model.status, params: model.params, progress: model.progress, metrics: model.metrics, error: model.error,
      segments: segments.map((s: any) => ({ id: s.id, name: s.name, size: s.size, description: s.generated_description, centroid: namedFeatures(s.raw_centroid) })),
      createdAt: model.created_at.toISOString(), trainedAt: model.trained_at?.toISOString() ?? null, activatedAt: model.activated_at?.toISOString() ?? null,
    };
  }

  async diffOrThrow(id: string): Promise<SegmentModelDiffDto> {
    const [row] = await this.dataSource.query(`SELECT diff FROM segment_models WHERE id::text = $1`, [id]);
    if (!row) throw new NotFoundException(`segment model ${id} not found`);
    if (!row.diff) throw new ConflictException(`segment model ${id} has no diff yet (still training or failed)`);
    return row.diff;
  }

  async approveOrThrow(id: string, now: Date = new Date()): Promise<SegmentModelDto & { reassigned: number }> {
    await this.getOrThrow(id);
    try {
      const { reassigned } = await this.activator.activateOrThrow(id, now);
      return { ...(await this.getOrThrow(id)), reassigned };
    } catch (error) {
      if (error instanceof ModelNotCandidateError) throw new ConflictException(error.message);
      throw error;
    }
  }

  async discardOrThrow(id: string, now: Date = new Date()): Promise<SegmentModelDto> {
    await this.getOrThrow(id);
    const [, count] = await this.dataSource.query(`UPDATE segment_models SET status = 'discarded', decided_at = $2 WHERE id = $1 AND status = 'candidate'`, [id, now]);
    if (!count) throw new ConflictException(`segment model ${id} is not a candidate`);
    return this.getOrThrow(id);
  }

  private async train(modelId: string, job: RetrainJob, activeModelId: string | null, now: Date): Promise<void> {
    try {
      let lastPhase = '';
      const result = await runRetrain(this.config.DATABASE_URL, job, (phase, fraction) => {
        if (phase === lastPhase) return;
        lastPhase = phase;
        void this.dataSource.query(`UPDATE segment_models SET progress = $2 WHERE id = $1 AND status = 'training'`, [modelId, JSON.stringify({ phase, fraction })]);
      });
      await this.dataSource.transaction((manager) => this.storeCandidate(manager, modelId, result, activeModelId));
      // The first model has nothing to be compared with: it becomes active without approval.
      if (activeModelId === null) await this.activator.activateOrThrow(modelId, now);
    } catch (error) {
      this.logger.error(`retrain ${modelId} failed: ${(error as Error).message}`);
      await this.dataSource.query(`UPDATE segment_models SET status = 'failed', error = $2 WHERE id = $1`, [modelId, (error as Error).message]);
    }
  }

  private async storeCandidate(manager: EntityManager, modelId: string, result: RetrainResult, activeModelId: string | null): Promise<void> {
    const added = result.segments.filter((s) => s.origin === 'added');
    const used: { colour: string }[] = await manager.query(
      `SELECT DISTINCT s.colour FROM segments s JOIN segment_model_centroids c ON c.segment_id = s.id JOIN segment_models m ON m.id = c.model_id WHERE m.status IN ('active', 'candidate')`,
    );
    const colours = pickColours(used.map((u) => u.colour), added.length);
    if (added.length) {
      await manager.query(`INSERT INTO segments (id, name, description, colour) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`, [
        added.map((s) => s.id), added.map((s) => nameFromDescription(s.description)), added.map((s) => s.description), colours,
      ]);
    }
    const s = result.segments;
    await manager.query(
      `INSERT INTO segment_model_centroids (model_id, segment_id, position, centroid, raw_centroid, size, generated_description)
       SELECT $1, x.segment_id, x.position, ARRAY(SELECT jsonb_array_elements_text(x.centroid)::float8), ARRAY(SELECT jsonb_array_elements_text(x.raw)::float8), x.size, x.description
       FROM unnest($2::uuid[], $3::int[], $4::jsonb[], $5::jsonb[], $6::int[], $7::text[]) AS x(segment_id, position, centroid, raw, size, description)`,
      [modelId, s.map((x) => x.id), s.map((_, i) => i), s.map((x) => JSON.stringify(x.centroid)), s.map((x) => JSON.stringify(x.rawCentroid)), s.map((x) => x.size), s.map((x) => x.description)],
    );
    const metrics = { ...result.metrics, leadCount: result.leadCount, sizes: Object.fromEntries(s.map((x) => [x.id, x.size])) };
    const diff = await this.buildDiff(manager, modelId, result, activeModelId, metrics);
    await manager.query(
      `UPDATE segment_models SET status = 'candidate', standardizer = $2, metrics = $3, diff = $4, trained_at = now(), progress = $5 WHERE id = $1`,
      [modelId, JSON.stringify(result.standardizer), JSON.stringify(metrics), JSON.stringify(diff), JSON.stringify({ phase: 'done', fraction: 1 })],
    );
  }

  private async buildDiff(manager: EntityManager, modelId: string, result: RetrainResult, activeModelId: string | null, metrics: SegmentModelDto['metrics']): Promise<SegmentModelDiffDto> {
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    for (const cell of result.moved) {
      if (cell.from) before.set(cell.from, (before.get(cell.from) ?? 0) + cell.count);
      if (cell.to) after.set(cell.to, (after.get(cell.to) ?? 0) + cell.count);
    }
    const ids = [...new Set([...result.segments.map((s) => s.id), ...result.retired])];
    const names: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM segments WHERE id = ANY($1::uuid[])`, [ids]);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const origin = new Map(result.segments.map((s) => [s.id, s.origin] as const));
    const [active] = activeModelId ? await manager.query(`SELECT metrics FROM segment_models WHERE id = $1`, [activeModelId]) : [];
    return {
      modelId,
      activeModelId,
      sizes: ids.map((id) => ({ segmentId: id, name: nameOf.get(id) ?? id, origin: origin.get(id) ?? 'retired', before: before.get(id) ?? 0, after: after.get(id) ?? 0 })),
      moved: result.moved,
      movedLeads: result.moved.filter((c) => c.from !== c.to).reduce((sum, c) => sum + c.count, 0),
      metrics: { candidate: metrics, active: active?.metrics ?? null },
    };
  }
}
