import { Client } from 'pg';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { eventually } from '../../../../e2e/support/eventually';
import { PgChannelListener } from './pg-channel-listener';

describe('PgChannelListener (real PostgreSQL)', () => {
  const applicationName = 'listener-spec';
  let url: string;
  let admin: Client;
  let listener: PgChannelListener;
  let wakes = 0;
  const lost: string[] = [];
  const listeningBackends = async () =>
    (
      await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'`, [
        applicationName,
      ])
    ).rows.map((r) => r.pid as number);

  beforeAll(async () => {
    url = await createTestDatabase('listener');
    admin = new Client({ connectionString: url });
    await admin.connect();
    listener = new PgChannelListener({
      connectionString: url,
      channel: 'spec_channel',
      applicationName,
      minBackoffMs: 50,
      maxBackoffMs: 200,
      onWake: () => void (wakes += 1),
      onLost: (error) => void lost.push(error.message),
    });
    void listener.start();
  });
  afterAll(async () => {
    await listener.stop();
    await admin.end();
  });

  it('wakes once when it starts listening, then once per committed notification', async () => {
    expect(
      await eventually(
        () => Promise.resolve(wakes),
        (n) => n === 1,
      ),
    ).toBe(1);
    await admin.query(`NOTIFY spec_channel`);
    expect(
      await eventually(
        () => Promise.resolve(wakes),
        (n) => n === 2,
      ),
    ).toBe(2);
    await admin.query(`BEGIN; NOTIFY spec_channel; ROLLBACK`);
    await admin.query(`NOTIFY other_channel`);
    await new Promise((r) => setTimeout(r, 300));
    expect(wakes).toBe(2);
  });

  it('reconnects after its connection is killed, wakes to catch up, and hears notifications again', async () => {
    const [pid] = await listeningBackends();
    expect(pid).toBeDefined();
    const before = wakes;
    await admin.query(`SELECT pg_terminate_backend($1)`, [pid]);
    const after = await eventually(listeningBackends, (pids) => pids.length === 1 && pids[0] !== pid);
    expect(after).toEqual([expect.any(Number)]);
    expect(lost.length).toBeGreaterThan(0);
    // The catch-up wake after the reconnect, with no notification sent.
    expect(
      await eventually(
        () => Promise.resolve(wakes),
        (n) => n === before + 1,
      ),
    ).toBe(before + 1);
    await admin.query(`NOTIFY spec_channel`);
    expect(
      await eventually(
        () => Promise.resolve(wakes),
        (n) => n === before + 2,
      ),
    ).toBe(before + 2);
  });
});
