import type { Client } from 'pg';
import { connectWithLeads, planScansOfCall } from '../../../apps/api/src/testing/plan-scans';
import { readOpsGauges } from './ops-gauges.store';
import { rowsOf } from './queryable';

// A scrape every few seconds must not read whole tables: mostly delivered outbox rows and mostly touched clocks, as in
// production, and the gauges' counts walk only the partial indexes of the few that are not.
describe('readOpsGauges on a few thousand delivered rows and touched clocks (real Postgres)', () => {
  let client: Client;

  beforeAll(async () => {
    client = await connectWithLeads('ops_gauges', 5000);
    await client.query(
      `INSERT INTO outbox (kind, payload, dispatched_at) SELECT 'lead_event', jsonb_build_object('leadId', id), now() FROM leads`,
    );
    await client.query(
      `INSERT INTO outbox (kind, payload, created_at) SELECT 'lead_event', jsonb_build_object('leadId', id), now() - interval '2 hours' FROM leads LIMIT 3`,
    );
    await client.query(
      `INSERT INTO outbox (kind, payload, dead_lettered_at) SELECT 'lead_event', jsonb_build_object('leadId', id), now() FROM leads LIMIT 2`,
    );
    await client.query(
      `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, entered_at, due_at, first_touch_at) SELECT gen_random_uuid(), id, gen_random_uuid(), now(), now(), now() FROM leads`,
    );
    await client.query(
      `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, entered_at, due_at) SELECT gen_random_uuid(), id, gen_random_uuid(), now(), now() + interval '1 hour' FROM leads LIMIT 4`,
    );
    await client.query(
      `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, entered_at, due_at, breached_at) SELECT gen_random_uuid(), id, gen_random_uuid(), now(), now(), now() FROM leads LIMIT 5`,
    );
    await client.query('ANALYZE outbox; ANALYZE sla_clocks');
  });
  afterAll(() => client?.end());

  it('counts the backlog, dead letters and open and breached clocks, and ages the oldest undelivered row', async () => {
    const gauges = await readOpsGauges(rowsOf(client), 100);
    expect(gauges).toMatchObject({ outboxBacklog: 3, outboxDeadLetters: 2, slaClocksOpen: 4, slaClocksBreached: 5 });
    // Written two hours before now() by the database's own clock, so the day the test runs does not matter.
    expect(gauges.outboxOldestAgeSeconds).toBeGreaterThanOrEqual(7200);
  });

  it('stops each count at the cap', async () => {
    expect(await readOpsGauges(rowsOf(client), 2)).toMatchObject({
      outboxBacklog: 2,
      outboxDeadLetters: 2,
      slaClocksOpen: 2,
      slaClocksBreached: 2,
    });
  });

  it('scans no table whole', async () => {
    // The recorder answers no rows, which this one-row SELECT never gets from Postgres: only its statement matters here.
    const scans = await planScansOfCall(client, (db) => readOpsGauges(db, 100).catch(() => null));
    expect(scans.filter((scan) => scan.startsWith('Seq Scan'))).toEqual([]);
  });
});
