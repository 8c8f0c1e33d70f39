import type { FeatureOptions, PropensityModel, PropensityNotTrained, TrainPropensityOptions } from '@segflow/scoring';
import type { ActiveSegmentModel, BuiltSegmentModel } from '@segflow/scoring/training';

/** How the retrain trains the propensity model beside the segments (from the PROPENSITY_* config). */
export interface PropensityJob {
  label: TrainPropensityOptions['label'];
  calibration: NonNullable<TrainPropensityOptions['calibration']>;
  maxEntries: number;
  /** Recomputing features from stored events needs the same knobs as ingest (pricing patterns). */
  featureOptions: FeatureOptions;
}

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
  propensity: PropensityJob;
}

/** The worker's answer: the built model without the per-lead assignments (activation recomputes them). */
export type RetrainResult = Omit<BuiltSegmentModel, 'assignments'> & {
  leadCount: number;
  propensity: PropensityModel | PropensityNotTrained;
};
