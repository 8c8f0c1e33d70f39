import { startTestApi, TestApi } from '../testing/test-api';

describe('LeadsController (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('stores a valid lead and lists it', async () => {
    const created = await api.request('POST', '/api/leads', { externalId: 'crm-1', name: 'Asha Rao', company: 'Surat Silks', city: 'Surat', email: 'asha@suratsilks.in' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'created', externalId: 'crm-1' });

    const listed = await api.request('GET', '/api/leads');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, name: 'Asha Rao', company: 'Surat Silks', consent: { email: true, whatsapp: false, linkedin: true } })]);
  });

  it('upserts by externalId and keeps fields the update omits', async () => {
    await api.request('POST', '/api/leads', { externalId: 'crm-2', name: 'Vikram', company: 'Pune Freight' });
    const updated = await api.request('POST', '/api/leads', { externalId: 'crm-2', city: 'Pune' });
    expect(updated.status).toBe(200);
    expect(updated.body.status).toBe('updated');
    const [lead] = (await api.request('GET', '/api/leads?search=crm-2')).body;
    expect(lead).toMatchObject({ name: 'Vikram', company: 'Pune Freight', city: 'Pune' });
  });

  it('rejects a bad lead with the field and the reason, storing nothing', async () => {
    const response = await api.request('POST', '/api/leads', { externalId: 'crm-3', email: 'not-an-email' });
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ field: 'email' })]);
    expect((await api.request('GET', '/api/leads?search=crm-3')).body).toEqual([]);
  });

  it('stores the good items of a batch and names index, field and reason of the bad ones', async () => {
    const response = await api.request('POST', '/api/leads', {
      leads: [{ externalId: 'b-1', name: 'Good' }, { externalId: 'b-2', headcount: -4 }, { name: 'no id' }, { externalId: 'b-4' }],
    });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: any) => [r.index, r.status])).toEqual([[0, 'created'], [1, 'rejected'], [2, 'rejected'], [3, 'created']]);
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
});
