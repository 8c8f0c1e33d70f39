import { emptyFeatureState } from '@segflow/scoring';
import type { Client } from 'pg';
import { outboxInsertSql } from './outbox.store';
import { connectWithLeads, planScansOfCall } from '../../../apps/api/src/testing/plan-scans';
import { FeatureUpdateRow, updateFeatureRows } from './lead-features.store';
import { rowsOf } from './queryable';

// Plan shapes, not timings: a flush of a few leads must not read every lead's feature row.
describe('updateFeatureRows on a few thousand leads (real Postgres)', () => {
  let client: Client;
  let leadIds: string[];
  const rowsFor = (ids: string[]): FeatureUpdateRow[] =>
    ids.map((lead_id) => ({
      lead_id,
      state: emptyFeatureState(),
      event_count: 1,
      last_event_at: null,
      converted_at: null,
      score: 0.5,
    }));

  beforeAll(async () => {
    client = await connectWithLeads('lead_features_store', 5000);
    await client.query(`INSERT INTO lead_features (lead_id, state) SELECT id, '{}' FROM leads`);
    await client.query('ANALYZE leads, lead_features');
    leadIds = (await client.query(`SELECT lead_id FROM lead_features ORDER BY lead_id LIMIT 10`)).rows.map(
      (r) => r.lead_id,
    );
  });
  afterAll(() => client?.end());

  it('fetches its leads by primary key instead of scanning lead_features', async () => {
    const scans = await planScansOfCall(client, (db) => updateFeatureRows(db, rowsFor(leadIds)));
    expect(scans).toContainEqual(expect.stringMatching(/^(Index|Bitmap Heap) Scan on lead_features$/));
    expect(scans).not.toContain('Seq Scan on lead_features');
  });

  it('so does the update that also writes lead_event outbox rows in its round trip', async () => {
    const scans = await planScansOfCall(client, (db) =>
      updateFeatureRows(db, rowsFor(leadIds), { sql: outboxInsertSql, param: JSON.stringify([]) }),
    );
    expect(scans).toContain('ModifyTable on outbox');
    expect(scans).not.toContain('Seq Scan on lead_features');
  });

  it('updates exactly the rows it is given', async () => {
    await updateFeatureRows(rowsOf(client), rowsFor(leadIds.slice(0, 3)));
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM lead_features WHERE event_count = 1`);
    expect(rows[0].n).toBe(3);
  });
});
