import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../apps/api/src/database/data-source';
import { SlaFixtures } from '../../../apps/api/src/testing/sla-fixtures';
import { createEmailTouch, type EmailTouchFixture } from '../../../apps/api/src/testing/touch-fixtures';
import { createTestDatabase } from '../../../tools/testing/test-database';
import { rowsOf } from './queryable';
import { findListeningRuns, findRunsLeavingSegment, findTouchRuns } from './run-targets.store';

describe('run targets store (real PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: SlaFixtures;
  let touch: EmailTouchFixture;
  let run: { id: string; segment_id: string; membership_id: string };
  beforeAll(async () => {
    const url = await createTestDatabase('run_targets');
    db = await new DataSource(dataSourceOptions(url)).initialize();
    fixtures = await SlaFixtures.connect(url);
    touch = await createEmailTouch(fixtures, 'asha@example.in');
    ({
      rows: [run],
    } = await fixtures.db.query(
      `UPDATE runs SET temporal_workflow_id = 'wf-1' FROM touches t WHERE t.id = $1 AND runs.id = t.run_id RETURNING runs.id, runs.segment_id, runs.membership_id`,
      [touch.touchId],
    ));
    await db.query(`UPDATE playbook_versions SET heard_event_types = '{email_reply}'`);
    await db.query(`UPDATE touches SET provider_message_id = 'provider-1' WHERE id = $1`, [touch.touchId]);
  });
  afterAll(async () => {
    await fixtures.close();
    await db.destroy();
  });

  it('finds the active runs of the membership or the segment a lead left, and no others', async () => {
    const q = rowsOf(fixtures.db);
    const wf = [{ temporal_workflow_id: 'wf-1' }];
    expect(
      await findRunsLeavingSegment(q, { leadId: touch.leadId, membershipId: run.membership_id, segmentId: 'other' }),
    ).toEqual(wf);
    expect(
      await findRunsLeavingSegment(db, { leadId: touch.leadId, membershipId: randomUUID(), segmentId: run.segment_id }),
    ).toEqual(wf);
    expect(
      await findRunsLeavingSegment(db, { leadId: touch.leadId, membershipId: randomUUID(), segmentId: 'other' }),
    ).toEqual([]);
  });

  it('finds the lead’s active runs with what they hear, and touches by id or provider id with their run of any status', async () => {
    expect(await findListeningRuns(db, touch.leadId)).toEqual([
      { id: run.id, temporal_workflow_id: 'wf-1', heard_event_types: ['email_reply'] },
    ]);
    const expected = {
      id: run.id,
      temporal_workflow_id: 'wf-1',
      status: 'active',
      heard_event_types: ['email_reply'],
      touch_id: touch.touchId,
      provider_message_id: 'provider-1',
    };
    expect(await findTouchRuns(db, touch.leadId, { touchIds: [touch.touchId], providerMessageIds: [] })).toEqual([
      expected,
    ]);
    expect(await findTouchRuns(db, touch.leadId, { touchIds: [], providerMessageIds: ['provider-1'] })).toEqual([
      expected,
    ]);
    expect(await findTouchRuns(db, randomUUID(), { touchIds: [touch.touchId], providerMessageIds: [] })).toEqual([]);
    await db.query(`UPDATE runs SET status = 'exited' WHERE id = $1`, [run.id]);
    expect(await findListeningRuns(db, touch.leadId)).toEqual([]);
    expect(await findTouchRuns(db, touch.leadId, { touchIds: [touch.touchId], providerMessageIds: [] })).toEqual([
      { ...expected, status: 'exited' },
    ]);
  });
});
