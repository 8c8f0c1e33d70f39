import { DataSource } from 'typeorm';
import { until } from '../../../../e2e/support/eventually';
import { auditTrailOf } from '../testing/audit-trail';
import { startTestApi, TestApi } from '../testing/test-api';

describe('LeadsController (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('stores a valid lead and lists it', async () => {
    const created = await api.request('POST', '/api/leads', {
      externalId: 'crm-1',
      name: 'Asha Rao',
      company: 'Surat Silks',
      city: 'Surat',
      email: 'asha@suratsilks.in',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'created', externalId: 'crm-1' });

    const listed = await api.request('GET', '/api/leads');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: created.body.id,
        name: 'Asha Rao',
        company: 'Surat Silks',
        consent: { email: true, whatsapp: false, linkedin: true },
      }),
    ]);
  });

  it("starts a new lead's intake itself and marks the outbox row backing it delivered (one row per new lead, none for an update)", async () => {
    const created = await api.request('POST', '/api/leads', {
      leads: [{ externalId: 'intake-1' }, { externalId: 'intake-2' }],
    });
    await api.request('POST', '/api/leads', { externalId: 'intake-1', city: 'Kochi' });
    const ids = created.body.results.map((r: { id: string }) => r.id);
    const rows = await api.app
      .get(DataSource)
      .query(
        `SELECT kind, payload->>'leadId' AS lead, dispatched_at FROM outbox WHERE payload->>'leadId' = ANY($1) ORDER BY id`,
        [ids],
      );
    expect(rows).toEqual(ids.map((lead: string) => ({ kind: 'lead_intake', lead, dispatched_at: expect.any(Date) })));
  });

  it('upserts by externalId and keeps fields the update omits', async () => {
    await api.request('POST', '/api/leads', { externalId: 'crm-2', name: 'Vikram', company: 'Pune Freight' });
    const updated = await api.request('POST', '/api/leads', { externalId: 'crm-2', city: 'Pune' });
    expect(updated.status).toBe(200);
    expect(updated.body.status).toBe('updated');
    const [lead] = (await api.request('GET', '/api/leads?search=crm-2')).body;
    expect(lead).toMatchObject({ name: 'Vikram', company: 'Pune Freight', city: 'Pune' });
  });

  it("audits a batch's real owner changes as the caller's, and neither a new lead's owner nor an unchanged one", async () => {
    await api.request('POST', '/api/leads', {
      leads: [
        { externalId: 'own-1', ownerId: 'owner-a' },
        { externalId: 'own-2' },
        { externalId: 'own-3', ownerId: 'owner-c' },
      ],
    });
    const key = (await api.request('POST', '/api/api-keys', { name: 'CRM sync' })).body;
    const batch = await api.requestAs({ apiKey: key.key }, 'POST', '/api/leads', {
      leads: [
        { externalId: 'own-1', ownerId: 'owner-b' },
        { externalId: 'own-2', ownerId: 'owner-b' },
        { externalId: 'own-3', ownerId: 'owner-c' },
        { externalId: 'own-4', ownerId: 'owner-b' },
      ],
    });
    expect(batch.status).toBe(200);
    // An update that omits the owner keeps it: no change either.
    await api.request('POST', '/api/leads', { externalId: 'own-1', city: 'Pune' });
    const [one, two, three, four] = batch.body.results.map((r: { id: string }) => r.id);
    const trail = (id: string) => auditTrailOf(api.app.get(DataSource), 'lead', id);
    const byKey = { kind: 'apiKey', id: key.id, label: null };
    expect(await trail(one)).toEqual([
      expect.objectContaining({
        actor: byKey,
        action: 'lead.reassigned',
        before: { ownerId: 'owner-a' },
        after: { ownerId: 'owner-b', source: 'api:leads' },
      }),
    ]);
    expect(await trail(two)).toEqual([
      expect.objectContaining({
        actor: byKey,
        before: { ownerId: null },
        after: { ownerId: 'owner-b', source: 'api:leads' },
      }),
    ]);
    expect(await trail(three)).toEqual([]);
    expect(await trail(four)).toEqual([]);
  });

  it('audits the owner an upsert replaced, also when another write changed it while the upsert waited', async () => {
    const lead = (await api.request('POST', '/api/leads', { externalId: 'race-1', ownerId: 'owner-x' })).body;
    const db = api.app.get(DataSource);
    // Another writer (a CRM sync, a manager) changes the owner and holds its transaction open.
    const other = db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(`UPDATE leads SET owner_id = 'owner-y' WHERE external_id = 'race-1'`);
    const upsert = api.request('POST', '/api/leads', { externalId: 'race-1', ownerId: 'owner-z' });
    const waitingOnLocks = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        )[0].n,
      );
    await until(waitingOnLocks, (n) => n > 0, 15_000, 10);
    await other.commitTransaction();
    await other.release();
    expect((await upsert).status).toBe(200);
    const trail = await auditTrailOf(db, 'lead', lead.id);
    expect(trail.map((e: { before: unknown; after: unknown }) => [e.before, e.after])).toEqual([
      [{ ownerId: 'owner-y' }, { ownerId: 'owner-z', source: 'api:leads' }],
    ]);
  });

  it('rejects a bad lead with the field and the reason, storing nothing', async () => {
    const response = await api.request('POST', '/api/leads', { externalId: 'crm-3', email: 'not-an-email' });
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ field: 'email' })]);
    expect((await api.request('GET', '/api/leads?search=crm-3')).body).toEqual([]);
  });

  it('stores the good items of a batch and names index, field and reason of the bad ones', async () => {
    const response = await api.request('POST', '/api/leads', {
      leads: [
        { externalId: 'b-1', name: 'Good' },
        { externalId: 'b-2', headcount: -4 },
        { name: 'no id' },
        { externalId: 'b-4' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: any) => [r.index, r.status])).toEqual([
      [0, 'created'],
      [1, 'rejected'],
      [2, 'rejected'],
      [3, 'created'],
    ]);
    expect(response.body.results[1].issues).toEqual([expect.objectContaining({ field: 'headcount' })]);
    expect(response.body.results[2].issues).toEqual([expect.objectContaining({ field: 'externalId' })]);
  });

  it('refuses a batch over the limit before touching the database', async () => {
    const leads = Array.from({ length: 1001 }, (_, i) => ({ externalId: `big-${i}` }));
    const response = await api.request('POST', '/api/leads', { leads });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.issues)).toMatch(/leads/);
    expect((await api.request('GET', '/api/leads?search=big-0')).body).toEqual([]);
  });

  it('echoes a request id header', async () => {
    const response = await api.request('GET', '/api/leads');
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('lists each lead with its score from its events and filters on score, owner and page', async () => {
    await api.request('POST', '/api/leads', {
      leads: [
        { externalId: 'sc-hot', name: 'Hot', industry: 'SaaS', headcount: 80, ownerId: 'rep-a' },
        { externalId: 'sc-cold', name: 'Cold', ownerId: 'rep-b' },
      ],
    });
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const events = await api.request('POST', '/api/events', {
      events: [
        {
          eventId: 'sc-1',
          leadExternalId: 'sc-hot',
          type: 'page_view',
          url: 'https://segflow.io/pricing',
          occurredAt: ago(30),
        },
        { eventId: 'sc-2', leadExternalId: 'sc-hot', type: 'demo_booked', occurredAt: ago(10) },
        { eventId: 'sc-3', leadExternalId: 'sc-cold', type: 'email_open', occurredAt: ago(60 * 24 * 20) },
      ],
    });
    expect(events.status).toBe(200);

    const [hot] = (await api.request('GET', '/api/leads?search=sc-hot')).body;
    const [cold] = (await api.request('GET', '/api/leads?search=sc-cold')).body;
    expect(hot.score).toBeGreaterThan(cold.score);
    expect(cold.score).toBeGreaterThan(0);
    expect(hot.segment).toBeNull(); // no segment model trained in this database

    const filtered = (await api.request('GET', `/api/leads?minScore=${(hot.score + cold.score) / 2}`)).body;
    expect(filtered.map((l: any) => l.externalId)).toEqual(['sc-hot']);
    expect((await api.request('GET', '/api/leads?ownerId=rep-b')).body.map((l: any) => l.externalId)).toEqual([
      'sc-cold',
    ]);
    const firstPage = (await api.request('GET', '/api/leads?limit=1')).body;
    const secondPage = (await api.request('GET', '/api/leads?limit=1&offset=1')).body;
    expect(firstPage[0].id).not.toBe(secondPage[0].id);
  });

  it('names the bad filter', async () => {
    const response = await api.request('GET', '/api/leads?minScore=101&segmentId=nope');
    expect(response.status).toBe(400);
    expect(response.body.issues.map((i: any) => i.field).sort()).toEqual(['minScore', 'segmentId']);
  });
});
