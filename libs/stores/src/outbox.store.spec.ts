import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../apps/api/src/database/data-source';
import { createTestDatabase } from '../../../tools/testing/test-database';
import {
  DIRECT_START_GRACE_SECONDS,
  enqueueOutboxRows,
  enqueueSegmentChanges,
  enqueueWorkflowStarts,
  markWorkflowsStarted,
  type OutboxMessage,
} from './outbox.store';
import { rowsOf } from './queryable';

describe('outbox store: enqueueing (real PostgreSQL)', () => {
  let db: DataSource;
  let client: Client;
  beforeAll(async () => {
    const url = await createTestDatabase('outbox_store');
    db = await new DataSource(dataSourceOptions(url)).initialize();
    client = new Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.destroy();
  });
  beforeEach(() => db.query(`DELETE FROM outbox`));

  const rows = (): Promise<
    Array<{
      kind: string;
      payload: { leadId: string };
      next_attempt_at: Date | null;
      dispatched_at: Date | null;
      attempts: number;
    }>
  > => db.query(`SELECT kind, payload, next_attempt_at, dispatched_at, attempts FROM outbox ORDER BY id`);
  const leadEvent = (leadId: string): OutboxMessage => ({
    kind: 'lead_event',
    payload: {
      leadId,
      eventId: randomUUID(),
      type: 'email_open',
      occurredAt: '2026-01-05T10:00:00.000Z',
      channel: 'email',
      replyTo: null,
      properties: {},
    },
  });

  describe('enqueueOutboxRows', () => {
    it('writes the messages in order, due at once, in the caller’s transaction', async () => {
      const messages = [leadEvent('a'), leadEvent('b'), { kind: 'lead_intake', payload: { leadId: 'c' } } as const];
      await db.transaction((m) => enqueueOutboxRows(m, messages));
      expect(await rows()).toEqual(
        messages.map((m) =>
          expect.objectContaining({ kind: m.kind, payload: m.payload, next_attempt_at: null, dispatched_at: null }),
        ),
      );
    });

    it('writes nothing when rolled back, and nothing for no messages', async () => {
      await expect(
        db.transaction(async (m) => {
          await enqueueOutboxRows(m, [leadEvent('a')]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await enqueueOutboxRows(rowsOf(client), []);
      expect(await rows()).toEqual([]);
    });
  });

  describe('enqueueSegmentChanges', () => {
    it('keeps only changes of segments with a bound playbook (exits of leads with an active run aside)', async () => {
      const [{ id: playbookId }] = await db.query(
        `INSERT INTO playbooks (name, draft) VALUES ('outbox-store-spec', '{}') RETURNING id`,
      );
      await db.query(`INSERT INTO segment_bindings (playbook_id, segment_id) VALUES ($1, 'bound')`, [playbookId]);
      const change = (kind: 'segment_entered' | 'segment_left', segmentId: string) =>
        kind === 'segment_entered'
          ? {
              kind,
              payload: {
                leadId: randomUUID(),
                segmentId,
                membershipId: randomUUID(),
                enteredAt: '2026-01-05T10:00:00.000Z',
                triggerEventId: null,
              },
            }
          : {
              kind,
              payload: {
                leadId: randomUUID(),
                segmentId,
                membershipId: randomUUID(),
                leftAt: '2026-01-05T10:00:00.000Z',
                reason: 'event',
              },
            };
      const bound = [change('segment_left', 'bound'), change('segment_entered', 'bound')];
      await enqueueSegmentChanges(rowsOf(client), [
        change('segment_entered', 'unbound'),
        bound[0]!,
        change('segment_left', 'unbound'),
        bound[1]!,
      ]);
      expect((await rows()).map(({ kind, payload }) => ({ kind, payload }))).toEqual(bound);
    });
  });

  describe('enqueueWorkflowStarts / markWorkflowsStarted', () => {
    it('writes start rows due after the grace period and returns their ids in order; a mark delivers them', async () => {
      const ids = await enqueueWorkflowStarts(rowsOf(client), [
        { kind: 'lead_intake', payload: { leadId: 'a' } },
        { kind: 'run_start', payload: { leadId: 'b', runId: 'r' } },
      ]);
      const written = await rows();
      expect(written.map((r) => r.payload.leadId)).toEqual(['a', 'b']);
      expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((x, y) => x - y));
      // Both instants come from the database's clock (one transaction's now()).
      const [{ grace }] = await db.query(
        `SELECT DISTINCT extract(epoch FROM next_attempt_at - created_at)::int AS grace FROM outbox`,
      );
      expect(grace).toBe(DIRECT_START_GRACE_SECONDS);
      await markWorkflowsStarted(db.manager, [ids[0]!]);
      expect(await rows()).toMatchObject([
        { attempts: 1, dispatched_at: expect.any(Date) },
        { attempts: 0, dispatched_at: null },
      ]);
      expect(await enqueueWorkflowStarts(db.manager, [])).toEqual([]);
    });
  });
});
