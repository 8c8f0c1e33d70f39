import type { PathEntry, RunState } from '@segflow/playbook';
import { sampleLead } from '@segflow/playbook/testing';
import { Pool } from 'pg';
import { runMigrations } from '../../../api/src/database/data-source';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { createPlaybookProgressActivities } from './playbook-progress.activities';

const T0 = '2026-03-02T04:30:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** The run after `path` (its last entry open unless the run ended). */
function stateOf(
  runId: string,
  path: PathEntry[],
  ended?: { status: 'exited' | 'completed'; reason: string },
): RunState {
  return {
    stateVersion: 1,
    runId,
    status: ended?.status ?? 'active',
    reason: ended?.reason,
    currentNodeId: path.at(-1)!.nodeId,
    path,
    visits: {},
    eventsSeen: {},
    touchesPerDay: {},
    waiting: null,
    lead: sampleLead(),
    startedAt: T0,
    endedAt: ended ? at(9) : undefined,
  };
}

const entry: PathEntry = { nodeId: 'entry', visit: 1, enteredAt: at(0), outcome: 'next', leftAt: at(0) };
const intro: PathEntry = { nodeId: 'intro', visit: 1, enteredAt: at(0), outcome: 'sent', leftAt: at(1) };
const waiting: PathEntry = { nodeId: 'pause', visit: 1, enteredAt: at(1) };
const left: PathEntry = { ...waiting, outcome: 'exit', note: 'left-segment:event', leftAt: at(9) };

// recordProgress is a local activity: when a workflow task is retried (worker killed, or too slow for the task
// timeout) it runs again with the state of that earlier point, after the later one may already be stored.
describe('recordProgress (PostgreSQL)', () => {
  let pool: Pool;
  let recordProgress: ReturnType<typeof createPlaybookProgressActivities>['recordProgress'];
  let playbook: { id: string; versionId: string };

  beforeAll(async () => {
    const url = await createTestDatabase('run_progress');
    await runMigrations(url);
    pool = new Pool({ connectionString: url, max: 2 });
    ({ recordProgress } = createPlaybookProgressActivities({ pool }));
    const [{ id }] = (await pool.query(`INSERT INTO playbooks (name, draft) VALUES ('spec', '{}') RETURNING id`)).rows;
    const [{ id: versionId }] = (
      await pool.query(
        `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, '{}') RETURNING id`,
        [id],
      )
    ).rows;
    playbook = { id, versionId };
  });
  afterAll(() => pool?.end());

  async function newRun(leadId?: string): Promise<{ runId: string; leadId: string }> {
    const lead =
      leadId ??
      (await pool.query(`INSERT INTO leads (external_id) VALUES (gen_random_uuid()::text) RETURNING id`)).rows[0].id;
    const [{ id: runId }] = (
      await pool.query(
        `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, temporal_workflow_id) VALUES ($1, $2, $3, 1, gen_random_uuid()::text) RETURNING id`,
        [lead, playbook.id, playbook.versionId],
      )
    ).rows;
    return { runId, leadId: lead };
  }
  const rowOf = async (runId: string) =>
    (
      await pool.query(
        `SELECT status, exit_reason AS "exitReason", current_node_id AS "currentNodeId", jsonb_array_length(path) AS steps FROM runs WHERE id = $1`,
        [runId],
      )
    ).rows[0];
  const stepOf = async (runId: string, nodeId: string) =>
    (await pool.query(`SELECT outcome, note FROM run_steps WHERE run_id = $1 AND node_id = $2`, [runId, nodeId]))
      .rows[0];

  it('mirrors each newer state into runs and run_steps', async () => {
    const { runId } = await newRun();
    await recordProgress({ runId, state: stateOf(runId, [entry, intro, waiting]) });
    expect(await rowOf(runId)).toEqual({ status: 'active', exitReason: null, currentNodeId: 'pause', steps: 3 });
    await recordProgress({
      runId,
      state: stateOf(runId, [entry, intro, left], { status: 'exited', reason: 'left-segment:event' }),
    });
    expect(await rowOf(runId)).toEqual({
      status: 'exited',
      exitReason: 'left-segment:event',
      currentNodeId: 'pause',
      steps: 3,
    });
    expect(await stepOf(runId, 'pause')).toEqual({ outcome: 'exit', note: 'left-segment:event' });
  });

  it('a replayed earlier state leaves an ended run ended, also when the lead already has its next active run', async () => {
    const { runId, leadId } = await newRun();
    const earlier = stateOf(runId, [entry, intro, waiting]);
    await recordProgress({ runId, state: earlier });
    await recordProgress({
      runId,
      state: stateOf(runId, [entry, intro, left], { status: 'exited', reason: 'left-segment:event' }),
    });
    await newRun(leadId);

    await expect(recordProgress({ runId, state: earlier })).resolves.toBeUndefined();
    expect(await rowOf(runId)).toEqual({
      status: 'exited',
      exitReason: 'left-segment:event',
      currentNodeId: 'pause',
      steps: 3,
    });
    expect(await stepOf(runId, 'pause')).toEqual({ outcome: 'exit', note: 'left-segment:event' });
  });

  it('a replayed shorter path does not move an active run back', async () => {
    const { runId } = await newRun();
    await recordProgress({ runId, state: stateOf(runId, [entry, intro, waiting]) });
    await recordProgress({ runId, state: stateOf(runId, [entry, { nodeId: 'intro', visit: 1, enteredAt: at(0) }]) });
    expect(await rowOf(runId)).toEqual({ status: 'active', exitReason: null, currentNodeId: 'pause', steps: 3 });
    expect(await stepOf(runId, 'intro')).toEqual({ outcome: 'sent', note: null });
  });

  it("ends the run with the retried task's shorter path when a discarded attempt had stored a longer one", async () => {
    const { runId } = await newRun();
    // The discarded attempt sent the intro and reached the pause; the retried one heard the exit before the intro.
    await recordProgress({ runId, state: stateOf(runId, [entry, intro, waiting]) });
    const exitedAtIntro: PathEntry = { nodeId: 'intro', visit: 1, enteredAt: at(0), outcome: 'exit', leftAt: at(9) };
    await recordProgress({
      runId,
      state: stateOf(runId, [entry, exitedAtIntro], { status: 'exited', reason: 'left-segment:moved' }),
    });
    expect(await rowOf(runId)).toEqual({
      status: 'exited',
      exitReason: 'left-segment:moved',
      currentNodeId: 'intro',
      steps: 2,
    });
  });
});
