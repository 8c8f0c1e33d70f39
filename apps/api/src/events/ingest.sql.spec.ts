import type { Client } from 'pg';
import { connectWithLeads, planScans } from '../testing/plan-scans';
import { UPDATE_FEATURES_AND_OUTBOX_SQL, UPDATE_FEATURES_SQL } from './ingest.sql';

// Plan shapes, not timings: a flush of a few leads must not read every lead's feature row.
describe('ingest statements on a few thousand leads (real Postgres)', () => {
  let client: Client;
  let leadIds: string[];
  const rowsOf = (ids: string[]) => JSON.stringify(ids.map((lead_id) => ({ lead_id, state: {}, event_count: 1, last_event_at: null, converted_at: null, score: 0.5 })));
  const plan = (text: string, params: unknown[]) => planScans(client, text, params);

  beforeAll(async () => {
    client = await connectWithLeads('ingest_sql', 5000);
    await client.query(`INSERT INTO lead_features (lead_id, state) SELECT id, '{}' FROM leads`);
    await client.query('ANALYZE leads, lead_features');
    leadIds = (await client.query(`SELECT lead_id FROM lead_features ORDER BY lead_id LIMIT 10`)).rows.map((r) => r.lead_id);
  });
  afterAll(() => client?.end());

  it('the feature update fetches its leads by primary key instead of scanning lead_features', async () => {
    const scans = await plan(UPDATE_FEATURES_SQL, [rowsOf(leadIds), leadIds]);
    expect(scans).toContainEqual(expect.stringMatching(/^(Index|Bitmap Heap) Scan on lead_features$/));
    expect(scans).not.toContain('Seq Scan on lead_features');
  });

  it('so does the feature update that also writes lead_event outbox rows', async () => {
    const scans = await plan(UPDATE_FEATURES_AND_OUTBOX_SQL, [rowsOf(leadIds), leadIds, JSON.stringify([])]);
    expect(scans).not.toContain('Seq Scan on lead_features');
  });

  it('updates exactly the rows it is given', async () => {
    await client.query(UPDATE_FEATURES_SQL, [rowsOf(leadIds.slice(0, 3)), leadIds.slice(0, 3)]);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM lead_features WHERE event_count = 1`);
    expect(rows[0].n).toBe(3);
  });
});
