import type { SegmentModel } from '@segflow/api-contracts';
import { calibrationPoints, formatFigure, qualityOf } from './model-quality';

const CHART = 160;

/** Reliability diagram of a propensity model on its holdout: bins as dots (area ∝ entries) against the diagonal. */
export function CalibrationChart({ model }: { model: SegmentModel }) {
  if (model.propensity?.status !== 'trained') return null;
  const points = calibrationPoints(model.propensity.metrics.calibrationCurve, CHART);
  const largest = Math.max(1, ...points.map((p) => p.count));
  return (
    <svg
      className="calibration-chart"
      width={CHART}
      height={CHART}
      viewBox={`0 0 ${CHART} ${CHART}`}
      role="img"
      aria-label="Calibration curve: predicted (x) against observed (y) conversion on the holdout"
    >
      <rect x={0} y={0} width={CHART} height={CHART} fill="none" stroke="currentColor" strokeOpacity={0.3} />
      <line x1={0} y1={CHART} x2={CHART} y2={0} stroke="currentColor" strokeOpacity={0.3} strokeDasharray="4 4" />
      <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="#2563eb" />
      {points.map((p) => (
        <circle key={`${p.x}-${p.y}`} cx={p.x} cy={p.y} r={2 + 4 * Math.sqrt(p.count / largest)} fill="#2563eb">
          <title>{`${p.count} entries: predicted ${(p.x / CHART).toFixed(2)}, observed ${(1 - p.y / CHART).toFixed(2)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

/** Model versions, newest first: segmentation quality beside the propensity model's holdout scores and the baseline's. */
export function ModelHistoryTable({ models }: { models: readonly SegmentModel[] }) {
  return (
    <table className="table table--compact" aria-label="Model versions">
      <thead>
        <tr>
          <th>Trained</th>
          <th>Status</th>
          <th>k</th>
          <th title="Silhouette (sampled): higher is better">Silhouette</th>
          <th title="Davies–Bouldin: lower is better">Davies–Bouldin</th>
          <th title="Share of leads keeping their segment / adjusted Rand index">Stability</th>
          <th title="Propensity AUC on the held-out period (hand-weighted score in brackets)">AUC</th>
          <th title="Brier score on the held-out period (calibrated hand-weighted score in brackets): lower is better">
            Brier
          </th>
          <th title="Conversion rate of the top 10 % over the average">Top-decile lift</th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => {
          const q = qualityOf(model);
          return (
            <tr key={model.id} data-testid={`model-${model.id}`}>
              <td>{model.trainedAt ? new Date(model.trainedAt).toLocaleString() : '—'}</td>
              <td>{model.status}</td>
              <td>{q.k ?? '—'}</td>
              <td>{formatFigure(q.silhouette)}</td>
              <td>{formatFigure(q.daviesBouldin)}</td>
              <td>
                {q.keptShare === null
                  ? '—'
                  : `${formatFigure(q.keptShare * 100, 1)}% / ${formatFigure(q.adjustedRand)}`}
              </td>
              <td title={q.propensityNote ?? undefined}>
                {formatFigure(q.auc, 3)}{' '}
                {q.auc !== null && <span className="muted">({formatFigure(q.baselineAuc, 3)})</span>}
              </td>
              <td>
                {formatFigure(q.brier, 3)}{' '}
                {q.brier !== null && <span className="muted">({formatFigure(q.baselineBrier, 3)})</span>}
              </td>
              <td>{q.topDecileLift === null ? '—' : `${formatFigure(q.topDecileLift, 1)}×`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The active (or candidate) model's quality in one card: the figures, the calibration curve, and why not if none. */
export function ModelQualityCard({ model, title }: { model: SegmentModel; title: string }) {
  const q = qualityOf(model);
  const propensity = model.propensity;
  return (
    <div className="card model-quality" aria-label={title}>
      <h2>{title}</h2>
      <dl className="model-quality__figures">
        <dt>Silhouette</dt>
        <dd data-testid="quality-silhouette">{formatFigure(q.silhouette)}</dd>
        <dt>Davies–Bouldin</dt>
        <dd data-testid="quality-davies-bouldin">{formatFigure(q.daviesBouldin)}</dd>
        <dt>Stability</dt>
        <dd data-testid="quality-stability">
          {q.keptShare === null
            ? 'first model'
            : `${formatFigure(q.keptShare * 100, 1)}% kept, ARI ${formatFigure(q.adjustedRand)}`}
        </dd>
        <dt>Propensity AUC</dt>
        <dd data-testid="quality-auc">
          {formatFigure(q.auc, 3)} <span className="muted">score: {formatFigure(q.baselineAuc, 3)}</span>
        </dd>
        <dt>Brier</dt>
        <dd data-testid="quality-brier">
          {formatFigure(q.brier, 3)} <span className="muted">score: {formatFigure(q.baselineBrier, 3)}</span>
        </dd>
        <dt>Top-decile lift</dt>
        <dd data-testid="quality-lift">{q.topDecileLift === null ? '—' : `${formatFigure(q.topDecileLift, 1)}×`}</dd>
      </dl>
      {propensity?.status === 'trained' ? (
        <>
          <CalibrationChart model={model} />
          <p className="muted">
            Conversion = {propensity.label.goalEventType} within {propensity.label.horizonDays} days of a segment entry;
            held out: {propensity.counts.holdout} entries from {new Date(propensity.holdoutFrom).toLocaleDateString()}.
          </p>
        </>
      ) : (
        <p className="muted" data-testid="propensity-note">
          Propensity: {q.propensityNote}
        </p>
      )}
    </div>
  );
}
