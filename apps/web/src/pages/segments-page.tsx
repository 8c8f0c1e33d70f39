import type { Segment, SegmentModel } from '@segflow/api-contracts';
import './pages.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentUser } from '../auth/session';
import { listPlaybooks } from '../api/playbooks';
import {
  decideSegmentModel,
  getSegmentModel,
  getRetrainSchedule,
  getSegmentModelDiff,
  listNextBestActions,
  listSegmentModels,
  listSegments,
  retrainSegments,
  runRetrainScheduleNow,
} from '../api/segments';
import { Link, useSearchParams } from 'react-router-dom';
import { queryKeys } from '../query/keys';
import { CentroidChart } from './centroid-chart';
import { ModelDiffView } from './model-diff-view';
import { ModelDriftView } from './model-drift-view';
import { formatPercent } from './model-quality';
import { ModelHistoryTable, ModelQualityCard } from './model-quality-view';
import { NextBestActionView } from './next-best-action-view';
import { SegmentBacktestPanel } from './segment-backtest-panel';
import { describeSchedule } from './retrain-drift';

/**
 * Segments (learned, then rule segments) with size, expected conversion, description, colour, centroid chart (or
 * rule), bound playbook, next best action (Apply for ops and admins) and a backtest per playbook; retrain → diff and quality →
 * approve/discard; the active model's quality (segmentation and propensity) and the version history.
 */
export function SegmentsPage() {
  const segmentsQuery = useQuery({ queryKey: queryKeys.segments.list, queryFn: listSegments });
  const playbooks = useQuery({ queryKey: queryKeys.playbooks.list, queryFn: listPlaybooks }).data ?? [];
  const segments = segmentsQuery.data ?? [];
  const models = useQuery({ queryKey: queryKeys.segments.models, queryFn: listSegmentModels }).data ?? [];
  const active = models.find((m) => m.status === 'active');
  const actions = useQuery({ queryKey: queryKeys.segments.nextBestActions, queryFn: listNextBestActions }).data ?? [];
  const role = useCurrentUser()?.role;
  const canApply = role === 'ops' || role === 'admin';
  const queryClient = useQueryClient();
  const [retrained, setRetrained] = useState<SegmentModel | null>(null);
  // A scheduled retrain's candidate (its notification links here with ?model=) is reviewed like one retrained here.
  const reviewId = useSearchParams()[0].get('model');
  const candidate =
    retrained ?? models.find((m) => m.status === 'candidate' && (reviewId === null || m.id === reviewId)) ?? null;
  const diff = useQuery({
    queryKey: queryKeys.segments.diff(candidate?.id ?? ''),
    queryFn: () => getSegmentModelDiff(candidate!.id),
    enabled: candidate !== null,
  }).data;
  const schedule = useQuery({ queryKey: queryKeys.segments.schedule, queryFn: getRetrainSchedule }).data;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // A new active model moves leads between segments: everything that shows a segment refetches.
  const refresh = () =>
    [queryKeys.segments.all, queryKeys.leads.all].forEach(
      (queryKey) => void queryClient.invalidateQueries({ queryKey }),
    );

  const retrain = async () => {
    setBusy(true);
    try {
      let model = await retrainSegments();
      // Training runs in a worker thread; poll until the candidate is ready.
      while (model.status === 'training') {
        setMessage(
          `Training… ${model.progress ? `${model.progress.phase} ${Math.round(model.progress.fraction * 100)}%` : ''}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 1000));
        model = await getSegmentModel(model.id);
      }
      if (model.status === 'failed') throw new Error(`Retrain failed: ${model.error ?? 'unknown error'}`);
      if (model.status === 'active') {
        setMessage('First model trained and activated.');
        refresh();
        return;
      }
      setRetrained(model);
      setMessage(null);
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const decide = async (decision: 'approve' | 'discard') => {
    if (!candidate) return;
    try {
      await decideSegmentModel(candidate.id, decision);
      setMessage(
        decision === 'approve' ? 'Candidate approved: leads move to their new segments.' : 'Candidate discarded.',
      );
      setRetrained(null);
      refresh();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const runScheduleNow = async () => {
    try {
      await runRetrainScheduleNow();
      setMessage('Scheduled retrain started: its candidate appears here when it is trained.');
      void queryClient.invalidateQueries({ queryKey: queryKeys.segments.schedule });
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const boundPlaybook = (segment: Segment) =>
    playbooks.find((p) => p.id === segment.boundPlaybookId || p.segmentId === segment.id);

  return (
    <section>
      <h1>Segments</h1>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void retrain()} disabled={busy || retrained !== null}>
          {busy ? 'Retraining…' : 'Retrain'}
        </button>
        {schedule && schedule.schedule !== 'off' && canApply && (
          <button type="button" onClick={() => void runScheduleNow()}>
            Run scheduled retrain now
          </button>
        )}
      </div>
      {schedule && (
        <p className="muted" data-testid="retrain-schedule">
          {describeSchedule(schedule, (iso) => new Date(iso).toLocaleString())}
        </p>
      )}
      {(message ?? segmentsQuery.error?.message) && <p role="status">{message ?? segmentsQuery.error?.message}</p>}
      {candidate && (
        <div className="card" aria-label="Candidate model">
          <h2>Candidate model</h2>
          <p className="muted">No lead moves until you approve.</p>
          {candidate.drift && <ModelDriftView drift={candidate.drift} />}
          {diff && <ModelDiffView diff={diff} />}
          <ModelQualityCard model={candidate} title="Candidate quality" />
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void decide('approve')}>
              Approve
            </button>
            <button type="button" onClick={() => void decide('discard')}>
              Discard
            </button>
          </div>
        </div>
      )}
      <div className="segment-grid">
        {segments.map((segment) => {
          const playbook = boundPlaybook(segment);
          return (
            <article
              key={segment.id}
              className="card segment-card"
              style={{ borderTopColor: segment.colour }}
              data-testid={`segment-${segment.id}`}
            >
              <h2>
                <span className="swatch" style={{ background: segment.colour }} />
                {segment.name}
              </h2>
              <p>{segment.description}</p>
              <p>
                <strong>{segment.size}</strong> leads · {(segment.conversionRate * 100).toFixed(1)}% converted
              </p>
              <p data-testid="expected-conversion">
                {segment.expectedConversion ? (
                  <>
                    Held-out conversion <strong>{formatPercent(segment.expectedConversion.rate)}</strong>{' '}
                    <span className="muted">
                      (95% CI {formatPercent(segment.expectedConversion.low)}–
                      {formatPercent(segment.expectedConversion.high)}, {segment.expectedConversion.entries} held-out
                      entries)
                    </span>{' '}
                    · model predicts <strong>{formatPercent(segment.expectedConversion.predicted)}</strong>
                  </>
                ) : (
                  <span className="muted">Held-out conversion: no held-out entries</span>
                )}
              </p>
              <p>
                Playbook:{' '}
                {playbook ? (
                  <Link to={`/playbooks/${playbook.id}`}>{playbook.name}</Link>
                ) : (
                  <span className="muted">none</span>
                )}
              </p>
              <NextBestActionView action={actions.find((a) => a.segmentId === segment.id)} canApply={canApply} />
              <SegmentBacktestPanel segmentId={segment.id} playbooks={playbooks} boundPlaybookId={playbook?.id} />
              {segment.kind === 'rule' ? (
                <p data-testid="segment-rule">
                  Rule segment (priority {segment.priority}, takes precedence over learned ones):{' '}
                  {segment.ruleDescription}
                </p>
              ) : (
                <CentroidChart centroid={segment.centroid} colour={segment.colour} />
              )}
            </article>
          );
        })}
      </div>
      {segments.length === 0 && <p className="muted">No segments yet: ingest events and retrain.</p>}
      {active && <ModelQualityCard model={active} title="Active model quality" />}
      {models.length > 0 && (
        <div className="card">
          <h2>Model versions</h2>
          <ModelHistoryTable models={models} />
        </div>
      )}
    </section>
  );
}
