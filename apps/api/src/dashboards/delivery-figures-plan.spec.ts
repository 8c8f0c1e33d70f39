import { deliveryFigures, rowsOf, type Queryable } from '@segflow/stores';
import type { Client } from 'pg';
import { connectWithLeads, planScans } from '../testing/plan-scans';

/** The statement and parameters a store function sends, without running it. */
async function statementOf(send: (db: Queryable) => Promise<unknown>): Promise<{ text: string; params: unknown[] }> {
  let sent: { text: string; params: unknown[] } | undefined;
  await send({
    query: async (text, params = []) => {
      sent = { text, params };
      return [];
    },
  });
  return sent!;
}

// Plan shapes, not timings: the editor asks for one version of one playbook among many. At this size a seq scan of
// touches is the cheaper plan, so seq scans are priced out: what is left shows an index serves each table (runs by
// (playbook_id, playbook_version), touches by the (run_id, node_id, visit) key), and a missing one would still scan.
describe('deliveryFigures on 200 playbooks × 50,000 touches (real Postgres)', () => {
  let client: Client;
  let playbookId: string;

  beforeAll(async () => {
    client = await connectWithLeads('delivery_sql', 5000);
    await client.query(`INSERT INTO playbooks (name, draft) SELECT 'p' || g, '{}' FROM generate_series(1, 200) g`);
    await client.query(`INSERT INTO playbook_versions (playbook_id, version, graph) SELECT id, 1, '{}' FROM playbooks`);
    await client.query(`
      INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, status)
      SELECT l.id, v.playbook_id, v.id, 1, 'completed'
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM leads) l CROSS JOIN generate_series(0, 9) k
        JOIN (SELECT id, playbook_id, row_number() OVER (ORDER BY id) AS n FROM playbook_versions) v ON v.n = (l.n * 10 + k) % 200 + 1`);
    await client.query(`
      INSERT INTO touches (run_id, lead_id, node_id, visit, channel, body, sender, status, delivery_status)
      SELECT id, lead_id, 'intro', 1, 'email', 'hi', '{}', 'sent', 'delivered' FROM runs`);
    await client.query('ANALYZE');
    playbookId = (await client.query(`SELECT id FROM playbooks LIMIT 1`)).rows[0].id;
  });
  afterAll(() => client?.end());

  it('can read one version through the runs index and the touches of those runs', async () => {
    await client.query('SET enable_seqscan = off');
    const query = { playbookId, version: 1, from: null, to: null };
    const { text, params } = await statementOf((db) => deliveryFigures(db, query));
    const scans = await planScans(client, text, params);
    expect(scans).not.toContain('Seq Scan on touches');
    expect(scans).not.toContain('Seq Scan on runs');
    await client.query('RESET enable_seqscan');
    const rows = await deliveryFigures(rowsOf(client), query);
    expect(rows.map((r) => [r.nodeId, r.touches])).toEqual([
      [null, 250],
      ['intro', 250],
    ]);
  });
});
