// Runs in a worker_thread, off the API's event loop: reads every lead's features, trains and measures the model.
import { parentPort, workerData } from 'node:worker_threads';
import { emptyFeatureState } from '@segflow/scoring';
import { buildSegmentModel } from '@segflow/scoring/training';
import { Client } from 'pg';
import { vectorOf } from '../features/lead-feature-row';
import type { RetrainJob, RetrainResult } from './retrain-job';
import type { SegmentWorkerMessage } from './run-segment-worker';

// Row order feeds k-means++ and the silhouette sample: a fixed order is what makes the same seed give the same model.
const LEADS_SQL = `
SELECT l.industry, l.headcount, l.revenue_band, l.funding_stage, f.state, m.segment_id
FROM leads l
LEFT JOIN lead_features f ON f.lead_id = l.id
LEFT JOIN segment_memberships m ON m.lead_id = l.id AND m.left_at IS NULL
ORDER BY l.id`;

const post = (message: SegmentWorkerMessage<RetrainResult>) => parentPort?.postMessage(message);

async function run(job: RetrainJob): Promise<void> {
  post({ type: 'progress', phase: 'loading', fraction: 0 });
  const client = new Client({ connectionString: job.databaseUrl });
  await client.connect();
  const { rows } = await client.query(LEADS_SQL).finally(() => client.end());
  // A phase of its own: reading 100k feature states and computing their vectors are reported (and benched) apart.
  post({ type: 'progress', phase: 'computing features', fraction: 0.05 });
  const now = new Date(job.now);
  const vectors = rows.map((r) => vectorOf(r.state ?? emptyFeatureState(), r, now));
  const { assignments: _assignments, ...built } = buildSegmentModel({
    vectors,
    current: rows.map((r) => r.segment_id ?? null),
    active: job.active,
    k: job.k,
    kRange: job.kRange,
    seed: job.seed,
    maxDistance: job.maxDistance,
    margin: job.margin,
    freshIds: job.freshIds,
    onProgress: (phase, fraction) => post({ type: 'progress', phase, fraction: 0.1 + 0.9 * fraction }),
  });
  post({ type: 'done', result: { ...built, leadCount: rows.length } });
}

run(workerData as RetrainJob).catch((error: Error) => post({ type: 'error', message: error.message, name: error.name }));
