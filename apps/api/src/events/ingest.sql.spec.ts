import { Client } from 'pg';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { runMigrations } from '../database/data-source';
import { UPDATE_FEATURES_AND_OUTBOX_SQL, UPDATE_FEATURES_SQL } from './ingest.sql';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const scansOf = (node: PlanNode): string[] => [
  ...(node['Relation Name'] ? [`${node['Node Type']} on ${node['Relation Name']}`] : []),
  ...(node.Plans ?? []).flatMap(scansOf),
];

// Plan shapes, not timings: a flush of a few leads must not read every lead's feature row.
describe('ingest statements on a few thousand leads (real Postgres)', () => {
  let client: Client;
  let leadIds: string[];
  const rowsOf = (ids: string[]) => JSON.stringify(ids.map((lead_id) => ({ lead_id, state: {}, event_count: 1, last_event_at: null, converted_at: null, score: 0.5 })));
  const plan = async (text: string, params: unknown[]) => {
    const [row] = (await client.query(`EXPLAIN (FORMAT JSON) ${text}`, params)).rows;
    return scansOf(row['QUERY PLAN'][0].Plan);
  };

  beforeAll(async () => {
    const url = await createTestDatabase('ingest_sql');
    await runMigrations(url);
    client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO leads (external_id) SELECT 'lead-' || g FROM generate_series(1, 5000) g`);
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
