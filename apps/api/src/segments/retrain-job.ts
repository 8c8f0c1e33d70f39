import type { ActiveSegmentModel, BuiltSegmentModel } from '@segflow/scoring/training';

/** What a retrain needs besides the leads (the worker reads those itself, see run-retrain.ts). */
export interface RetrainJob {
  /** ISO instant the features are evaluated at. */
  now: string;
  k?: number;
  kRange?: [number, number];
  seed: number;
  maxDistance: number;
  margin: number;
  active: ActiveSegmentModel | null;
  freshIds: string[];
}

/** The worker's answer: the built model without the per-lead assignments (activation recomputes them). */
export type RetrainResult = Omit<BuiltSegmentModel, 'assignments'> & { leadCount: number };
