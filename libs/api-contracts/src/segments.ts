import type {
  PropensityModel,
  PropensityNotTrained,
  SegmentConversion,
  SegmentDrift,
  SegmentRule,
} from '@segflow/scoring';

export type { SegmentDrift };

/** A live segment as `GET /api/segments` returns it: the active model's (`learned`), then the rule segments by priority. */
export interface Segment {
  id: string;
  /** `learned`: a segment of the active model; `rule`: defined by ops with a rule (takes precedence over learned ones). */
  kind: 'learned' | 'rule';
  name: string;
  description: string;
  colour: string;
  /** Rule segments only: the rule, its description in words, and its priority (lower first). */
  rule?: SegmentRule;
  ruleDescription?: string;
  priority?: number;
  /** Leads currently in the segment. */
  size: number;
  /** Share of current members who have purchased (0 when empty). */
  conversionRate: number;
  /** Centroid in feature units (see libs/scoring FEATURES.md), keyed by feature name; empty for a rule segment. */
  centroid: Record<string, number>;
  /** The playbook bound to this segment, if any. */
  boundPlaybookId?: string;
  /**
   * Share of the segment's entries in the active propensity model's holdout (entries it was not trained on) that
   * converted within its horizon, with its Wilson 95 % interval, and `predicted`, the model's mean probability on those
   * entries; null without a trained propensity model or held-out entries.
   */
  expectedConversion: Omit<SegmentConversion, 'segmentId'> | null;
}

/** Lifecycle of a segment model version (retraining runs in the background: poll until it leaves `training`). */
export type SegmentModelStatus = 'training' | 'candidate' | 'active' | 'retired' | 'discarded' | 'failed';

/** Quality figures of a trained model (k, inertia, silhouette, … as libs/scoring reports them), with its lead count and sizes. */
export type SegmentModelMetrics = { leadCount: number; sizes: Record<string, number> } & Record<string, unknown>;

/**
 * The conversion propensity model trained with a segment model (libs/scoring trainPropensity): its coefficients,
 * calibration and time-based holdout metrics (AUC, Brier, calibration curve, top-decile lift, and the hand-weighted
 * lead score's on the same entries), or why none was trained. The standardiser is left out.
 */
export type SegmentModelPropensity = Omit<PropensityModel, 'standardizer'> | PropensityNotTrained;

/** A model version as `GET /api/segment-models/:id` returns it. */
export interface SegmentModel {
  id: string;
  status: SegmentModelStatus;
  params: { k?: number; kRange?: [number, number]; seed: number };
  progress: { phase: string; fraction: number };
  metrics: SegmentModelMetrics | null;
  /** Null while training, after a failure, and for models trained before propensity existed. */
  propensity: SegmentModelPropensity | null;
  /** How far a candidate drifted from the model active when it was trained (libs/scoring measureSegmentDrift); null without one. */
  drift: SegmentDrift | null;
  segments: { id: string; name: string; size: number; description: string; centroid: Record<string, number> }[];
  error: string | null;
  createdAt: string;
  trainedAt: string | null;
  activatedAt: string | null;
}

/** What approving a candidate would change (`GET /api/segment-models/:id/diff`). */
export interface SegmentModelDiff {
  modelId: string;
  activeModelId: string | null;
  /** Per segment of either model: members now and after approval. */
  sizes: { segmentId: string; name: string; origin: 'kept' | 'added' | 'retired'; before: number; after: number }[];
  /** Leads moving from → to (null = no segment); unchanged cells included, largest first. */
  moved: { from: string | null; to: string | null; count: number }[];
  movedLeads: number;
  metrics: { candidate: SegmentModelMetrics | null; active: SegmentModelMetrics | null };
}

/** Body of `POST /api/segments/retrain`: k, or a kRange to pick k from, and an optional seed. */
export interface RetrainRequest {
  k?: number;
  kRange?: [number, number];
  seed?: number;
}

/** One arm of a backtest: closed entries, how many converted, and the Wilson 95 % interval of the rate. */
export interface BacktestArm {
  entries: number;
  conversions: number;
  rate: number;
  low: number;
  high: number;
}

/** Query of `GET /api/segments/:id/backtest`. */
export interface SegmentBacktestQuery {
  playbookId: string;
  /** Default: PROPENSITY_HORIZON_DAYS. */
  horizonDays?: number;
}

/**
 * `GET /api/segments/:id/backtest`: how the segment's closed entries converted (goal event within the horizon) with a
 * run of the playbook, held out of it, and with neither — history, not a simulation; an arm without entries is null.
 */
export interface SegmentBacktest {
  segmentId: string;
  playbookId: string;
  goalEventType: string;
  horizonDays: number;
  /** Entries made at or before this instant, whose window has closed (ISO). */
  closedBefore: string;
  withRun: BacktestArm | null;
  heldOut: BacktestArm | null;
  withoutRun: BacktestArm | null;
  /** withRun.rate − heldOut.rate when both arms have entries (the playbook's measured effect), else null. */
  lift: number | null;
}

/** How a scheduled retrain ended (the scheduled workflow's result). */
export type ScheduledRetrainOutcome =
  | { kind: 'candidate'; modelId: string; drift: Pick<SegmentDrift, 'score' | 'level'> | null }
  | { kind: 'skipped'; reason: 'no_active_model' | 'already_running' }
  | { kind: 'failed'; modelId: string; error: string | null };

/** `GET /api/segment-models/schedule`: the retrain schedule (RETRAIN_SCHEDULE) and its latest run. */
export interface RetrainScheduleStatus {
  /** `weekly`, a cron expression, or `off` (no schedule). */
  schedule: string;
  timezone: string;
  scheduleId: string | null;
  /** False when Temporal did not answer: the other fields but `schedule` and `timezone` are then unknown (null). */
  reachable: boolean;
  nextRunAt: string | null;
  lastRun: {
    scheduledAt: string;
    startedAt: string;
    workflowId: string;
    /** Temporal's execution status: RUNNING, COMPLETED, FAILED, TIMED_OUT, … */
    status: string;
    /** Set once the run completed. */
    outcome: ScheduledRetrainOutcome | null;
  } | null;
}

/** Body of `POST /api/segments/rules`: a rule segment (priority defaults to after the others). */
export interface RuleSegmentInput {
  name: string;
  description?: string;
  /** `#rrggbb`; a free colour is picked when omitted. */
  colour?: string;
  rule: SegmentRule;
  priority?: number;
}

/** Body of `PATCH /api/segments/rules/:id`: any of the fields of {@link RuleSegmentInput}. */
export type RuleSegmentPatch = Partial<RuleSegmentInput>;

/** Body of `POST /api/segments/rules/preview`: a rule to try on the current leads. */
export interface RuleSegmentPreviewRequest {
  rule: SegmentRule;
}

/** What `POST /api/segments/rules/preview` answers: how many leads match the rule now, and a few of them. */
export interface RuleSegmentPreview {
  /** Leads whose data satisfies the rule now (before priorities: a higher-priority rule segment may take some). */
  matching: number;
  /** Leads that would be in the segment after saving it as the last priority (matching, and in no earlier rule segment). */
  wouldEnter: number;
  total: number;
  description: string;
  sample: { id: string; externalId: string; name: string | null; company: string | null; score: number }[];
}

/** What creating, editing or deleting a rule segment answers: the segment and how many leads moved. */
export interface RuleSegmentChange {
  segment: Segment;
  moved: number;
}
