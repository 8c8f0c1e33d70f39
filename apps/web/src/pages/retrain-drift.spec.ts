import type { RetrainScheduleStatus, SegmentDrift } from '@segflow/api-contracts';
import { describeDrift, describeOutcome, describeSchedule } from './retrain-drift';

const drift: SegmentDrift = {
  score: 0.6,
  level: 'medium',
  drivenBy: 'movedLeads',
  psi: 0.0123,
  movedShare: 0.09,
  adjustedRand: 0.9,
  featureShift: { max: 0.12, feature: 'intent', byFeature: { intent: 0.12 } },
};

const status: RetrainScheduleStatus = {
  schedule: 'weekly',
  timezone: 'UTC',
  scheduleId: 'segment-retrain-segflow',
  reachable: true,
  nextRunAt: '2026-12-07T03:00:00.000Z',
  lastRun: null,
};

describe('describeDrift', () => {
  it('puts the level and score first and marks the signal that set the score', () => {
    expect(describeDrift(drift)).toEqual({
      headline: 'Medium drift (score 0.60)',
      signals: [
        { label: 'Segment shares (PSI)', value: '0.012', drives: false },
        { label: 'Leads that would move', value: '9.0%', drives: true },
        { label: 'Largest feature shift', value: '0.12 SD (intent)', drives: false },
      ],
    });
  });
});

describe('describeOutcome', () => {
  it('says what each outcome means', () => {
    expect(describeOutcome(null)).toBe('running');
    expect(describeOutcome({ kind: 'candidate', modelId: 'm', drift: { score: 1.2, level: 'high' } })).toBe(
      'candidate raised (high drift)',
    );
    expect(describeOutcome({ kind: 'skipped', reason: 'no_active_model' })).toBe('skipped: no active model yet');
    expect(describeOutcome({ kind: 'failed', modelId: 'm', error: null })).toBe('failed: unknown error');
  });
});

describe('describeSchedule', () => {
  it('shows the cadence, the next run and the latest outcome', () => {
    expect(describeSchedule(status, (iso) => iso)).toBe(
      'Weekly (Mondays 03:00, UTC) · next 2026-12-07T03:00:00.000Z · last: none yet',
    );
    const ran = {
      ...status,
      schedule: '30 2 * * *',
      timezone: 'Asia/Kolkata',
      lastRun: {
        scheduledAt: 'a',
        startedAt: 'b',
        workflowId: 'w',
        status: 'COMPLETED',
        outcome: { kind: 'skipped' as const, reason: 'already_running' as const },
      },
    };
    expect(describeSchedule(ran, (iso) => iso)).toBe(
      'Cron 30 2 * * * (Asia/Kolkata) · next 2026-12-07T03:00:00.000Z · last: b, skipped: a retrain was already running',
    );
  });

  it('says when the schedule is off or Temporal does not answer', () => {
    expect(describeSchedule({ ...status, schedule: 'off' }, String)).toBe(
      'Scheduled retrain is off (RETRAIN_SCHEDULE=off).',
    );
    expect(describeSchedule({ ...status, reachable: false }, String)).toBe(
      'Scheduled retrain: Temporal is not reachable.',
    );
  });
});
