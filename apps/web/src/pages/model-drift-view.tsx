import type { SegmentDrift } from '@segflow/api-contracts';
import { describeDrift } from './retrain-drift';

/** A candidate's drift from the active model: level and score, then the three signals (the one that set it in bold). */
export function ModelDriftView({ drift }: { drift: SegmentDrift }) {
  const { headline, signals } = describeDrift(drift);
  return (
    <div aria-label="Drift" data-testid="model-drift">
      <h3 data-testid="drift-level" data-level={drift.level}>
        {headline}
      </h3>
      <dl className="model-quality__figures">
        {signals.map((s) => (
          <div key={s.label} style={{ display: 'contents' }}>
            <dt>{s.label}</dt>
            <dd>{s.drives ? <strong>{s.value}</strong> : s.value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Low below 0.4, medium below 1, high from 1: each signal divided by its high mark (PSI 0.25, 15 % of leads
        moving, a 0.5 SD feature shift), the largest counts.
      </p>
    </div>
  );
}
