import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../testing/test-api';
import { OUTBOX_PRUNE_BATCH, OutboxRetentionService } from './outbox-retention.service';

describe('outbox retention (real PostgreSQL)', () => {
  let api: TestApi;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off', OUTBOX_RETENTION_DAYS: '7' });
    db = api.app.get(DataSource);
  });
  afterAll(() => api?.close());

  const now = new Date('2026-11-26T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const insert = (count: number, tag: string, dispatchedAt: Date | null, createdAt: Date) =>
    db.query(
      `INSERT INTO outbox (kind, payload, created_at, dispatched_at) SELECT 'segment_entered', jsonb_build_object('tag', $1::text), $2, $3 FROM generate_series(1, $4)`,
      [tag, createdAt, dispatchedAt, count],
    );
  const tagsLeft = async () =>
    (await db.query(`SELECT payload->>'tag' AS tag, count(*)::int AS n FROM outbox GROUP BY 1 ORDER BY 1`)) as Array<{
      tag: string;
      n: number;
    }>;

  it('deletes rows delivered before the retention window, in batches, and keeps recent and undelivered ones', async () => {
    await insert(OUTBOX_PRUNE_BATCH + 3, 'delivered-8-days-ago', daysAgo(8), daysAgo(8));
    await insert(2, 'delivered-6-days-ago', daysAgo(6), daysAgo(9));
    await insert(2, 'undelivered-30-days-old', null, daysAgo(30));

    expect(await api.app.get(OutboxRetentionService).prune(now)).toBe(OUTBOX_PRUNE_BATCH + 3);
    expect(await tagsLeft()).toEqual([
      { tag: 'delivered-6-days-ago', n: 2 },
      { tag: 'undelivered-30-days-old', n: 2 },
    ]);
    expect(await api.app.get(OutboxRetentionService).prune(now)).toBe(0);
  });

  it('rejects a retention outside 1–3650 days at boot, naming the variable', async () => {
    await expect(startTestApi({ OUTBOX_RETENTION_DAYS: '0' })).rejects.toThrow(/OUTBOX_RETENTION_DAYS/);
  });
});
