import { Inject, Injectable } from '@nestjs/common';
import type { AuditActor } from '@segflow/api-contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ModelNotCandidateError } from './activate-model';
import { runSegmentWorker, SegmentWorkerError } from './run-segment-worker';

export { ModelNotCandidateError } from './activate-model';

/** What the activation worker needs. */
export interface ActivationJob {
  databaseUrl: string;
  modelId: string;
  /** ISO instant the features are evaluated at and memberships change. */
  now: string;
  margin: number;
  actor: AuditActor;
}

/**
 * Makes a candidate the active model and re-assigns every lead (activate-model.ts), in a worker thread: at 100k
 * leads reading and scoring them would block the event loop for seconds. Ingest waits on the model lock only for
 * the final step (re-scoring what was written during the scoring pass, writing the changes).
 */
@Injectable()
export class ModelActivator {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async activateOrThrow(modelId: string, now: Date, actor: AuditActor): Promise<{ reassigned: number }> {
    const job: ActivationJob = {
      databaseUrl: this.config.DATABASE_URL,
      modelId,
      now: now.toISOString(),
      margin: this.config.SEGMENT_HYSTERESIS,
      actor,
    };
    try {
      return await runSegmentWorker<{ reassigned: number }>('activate-model', job);
    } catch (error) {
      if (error instanceof SegmentWorkerError && error.errorName === 'ModelNotCandidateError')
        throw new ModelNotCandidateError(error.message);
      throw error;
    }
  }
}
