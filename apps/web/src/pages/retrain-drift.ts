import type { RetrainScheduleStatus, ScheduledRetrainOutcome, SegmentDrift } from '@segflow/api-contracts';
import { formatFigure, formatPercent } from './model-quality';

/** One signal behind a drift score, for the review card. */
export interface DriftSignalLine {
  label: string;
  value: string;
  /** Whether this signal set the score. */
  drives: boolean;
}

/**
 * The drift of a candidate in plain words: its level and score, then each signal with the one that set the score.
 *
 * @example
 * ```ts
 * describeDrift(drift).headline; // 'Low drift (score 0.12)'
 * ```
 */
export function describeDrift(drift: SegmentDrift): { headline: string; signals: DriftSignalLine[] } {
  const level = drift.level[0]!.toUpperCase() + drift.level.slice(1);
  const shift = drift.featureShift;
  return {
    headline: `${level} drift (score ${formatFigure(drift.score)})`,
    signals: [
      { label: 'Segment shares (PSI)', value: formatFigure(drift.psi, 3), drives: drift.drivenBy === 'segmentShares' },
      {
        label: 'Leads that would move',
        value: formatPercent(drift.movedShare),
        drives: drift.drivenBy === 'movedLeads',
      },
      {
        label: 'Largest feature shift',
        value: shift.feature ? `${formatFigure(shift.max)} SD (${shift.feature})` : '—',
        drives: drift.drivenBy === 'features',
      },
    ],
  };
}

/**
 * What a scheduled run ended with, in a few words.
 *
 * @example
 * ```ts
 * describeOutcome({ kind: 'skipped', reason: 'already_running' }); // 'skipped: a retrain was already running'
 * ```
 */
export function describeOutcome(outcome: ScheduledRetrainOutcome | null): string {
  if (!outcome) return 'running';
  switch (outcome.kind) {
    case 'candidate':
      return `candidate raised${outcome.drift ? ` (${outcome.drift.level} drift)` : ''}`;
    case 'skipped':
      return outcome.reason === 'no_active_model'
        ? 'skipped: no active model yet'
        : 'skipped: a retrain was already running';
    case 'failed':
      return `failed: ${outcome.error ?? 'unknown error'}`;
  }
}

/**
 * The schedule in a line: how often, the next run, and the latest run's outcome (`formatTime` shows an instant).
 *
 * @example
 * ```ts
 * describeSchedule(status, (iso) => iso); // 'Weekly (Mondays 03:00, UTC) · next 2026-12-07T03:00:00.000Z · last: none yet'
 * ```
 */
export function describeSchedule(status: RetrainScheduleStatus, formatTime: (iso: string) => string): string {
  if (status.schedule === 'off') return 'Scheduled retrain is off (RETRAIN_SCHEDULE=off).';
  if (!status.reachable) return 'Scheduled retrain: Temporal is not reachable.';
  const head =
    status.schedule === 'weekly'
      ? `Weekly (Mondays 03:00, ${status.timezone})`
      : `Cron ${status.schedule} (${status.timezone})`;
  const next = status.nextRunAt ? formatTime(status.nextRunAt) : '—';
  const last = status.lastRun
    ? `${formatTime(status.lastRun.startedAt)}, ${describeOutcome(status.lastRun.outcome)}`
    : 'none yet';
  return `${head} · next ${next} · last: ${last}`;
}
