import { randomUUID } from 'node:crypto';
import { samplePlaybook } from '@segflow/playbook/testing';
import { DataSource } from 'typeorm';
import { lockLeadForLaunch } from '../runs/lock-lead-for-launch';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

// Issue 20, "Getting data in": custom lead attributes from the admin's schema to intake, templates, branches and runs.
describe('lead attributes (real Postgres)', () => {
  let api: TestApi;
  let rep: TestUser;
  let ops: TestUser;
  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    rep = await api.createUser({ role: 'rep', email: 'rep-attributes@segflow.test' });
    ops = await api.createUser({ role: 'ops', email: 'ops-attributes@segflow.test' });
    for (const attribute of [
      { key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'] },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'renewal', label: 'Renewal', type: 'date' },
      { key: 'notes', label: 'Notes', type: 'text' },
    ])
      expect((await api.request('POST', '/api/settings/lead-attributes', attribute)).status).toBe(201);
  });
  afterAll(() => api.close());

  const auditOf = async (key: string) =>
    (await api.request('GET', `/api/audit?entityType=leadAttribute&entityId=${key}`)).body.entries;

  it('lets every role read the schema and only admins change it, auditing each change with before and after', async () => {
    const read = await api.requestAs(rep, 'GET', '/api/settings/lead-attributes');
    expect(read.status).toBe(200);
    expect(read.body.map((a: { key: string }) => a.key)).toEqual(['plan', 'seats', 'renewal', 'notes']);
    expect(read.body[0]).toEqual({
      key: 'plan',
      label: 'Plan',
      type: 'enum',
      values: ['free', 'pro'],
      leadsWithValue: 0,
    });
    expect(
      (await api.requestAs(ops, 'POST', '/api/settings/lead-attributes', { key: 'x', label: 'X', type: 'text' }))
        .status,
    ).toBe(403);
    const renamed = await api.request('PATCH', '/api/settings/lead-attributes/plan', { label: 'Pricing plan' });
    expect(renamed.body).toMatchObject({ key: 'plan', label: 'Pricing plan' });
    expect((await auditOf('plan')).map((e: any) => [e.action, e.before?.label ?? null, e.after.label])).toEqual([
      ['leadAttribute.updated', 'Plan', 'Pricing plan'],
      ['leadAttribute.created', null, 'Plan'],
    ]);
  });

  it('refuses bad definitions naming the field, a duplicate key with 409, and a 101st attribute with 422', async () => {
    const bad = await api.request('POST', '/api/settings/lead-attributes', { key: 'Plan!', label: '', type: 'text' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string }) => i.field)).toEqual(['key', 'label']);
    const noValues = await api.request('POST', '/api/settings/lead-attributes', {
      key: 'tier',
      label: 'T',
      type: 'enum',
    });
    expect(noValues.body.issues).toEqual([{ field: 'values', reason: 'an enum needs at least one allowed value' }]);
    const reserved = await api.request('POST', '/api/settings/lead-attributes', {
      key: 'email',
      label: 'E',
      type: 'text',
    });
    expect(reserved.body.issues).toEqual([{ field: 'key', reason: expect.stringContaining('reserved') }]);
    const duplicate = await api.request('POST', '/api/settings/lead-attributes', {
      key: 'seats',
      label: 'S',
      type: 'text',
    });
    expect(duplicate.status).toBe(409);
    const db = api.app.get(DataSource);
    await db.query(
      `INSERT INTO lead_attributes (key, label, type) SELECT 'filler_' || i, 'Filler', 'text' FROM generate_series(1, 96) i`,
    );
    const tooMany = await api.request('POST', '/api/settings/lead-attributes', {
      key: 'one_more',
      label: 'O',
      type: 'text',
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.message).toContain('at most 100');
    await db.query(`DELETE FROM lead_attributes WHERE key LIKE 'filler_%'`);
  });

  it('stores valid values on intake, refuses bad ones naming attributes.<key>, and one bad item never costs a good one', async () => {
    const single = await api.request('POST', '/api/leads', {
      externalId: 'attr-bad',
      attributes: { plan: 'gold', seats: '12', renewal: '2026-02-30', colour: 'red' },
    });
    expect(single.status).toBe(400);
    expect(single.body.issues).toEqual([
      { field: 'attributes.plan', reason: 'expected one of free, pro' },
      { field: 'attributes.seats', reason: 'expected a number' },
      { field: 'attributes.renewal', reason: 'expected a date YYYY-MM-DD' },
      { field: 'attributes.colour', reason: 'unknown attribute (not in the workspace schema)' },
    ]);
    const batch = await api.request('POST', '/api/leads', {
      leads: [
        {
          externalId: 'attr-1',
          email: 'meera@attr.test',
          attributes: { plan: 'pro', seats: 12, notes: 'meera@attr.test' },
        },
        { externalId: 'attr-2', attributes: { notes: 'x'.repeat(1_001) } },
      ],
    });
    expect(batch.body.results.map((r: any) => [r.status, r.issues?.[0]?.field ?? null])).toEqual([
      ['created', null],
      ['rejected', 'attributes.notes'],
    ]);
    // An update merges: omitted keys stay, null clears one.
    await api.request('POST', '/api/leads', {
      externalId: 'attr-1',
      attributes: { renewal: '2027-01-31', seats: null },
    });
    const detail = await api.request('GET', '/api/leads/attr-1');
    expect(detail.body.attributes).toEqual({ plan: 'pro', renewal: '2027-01-31', notes: 'meera@attr.test' });
    const exported = await api.request('GET', `/api/leads/${detail.body.id}/export`);
    expect(exported.body.lead.attributes).toEqual(detail.body.attributes);
  });

  it('refuses a type change or a dropped enum value that leads hold, with the count; a delete drops values only when told', async () => {
    await api.request('POST', '/api/leads', { externalId: 'attr-3', attributes: { plan: 'free', seats: 3 } });
    const retype = await api.request('PATCH', '/api/settings/lead-attributes/seats', { type: 'text' });
    expect(retype.status).toBe(409);
    expect(retype.body.message).toMatch(/^1 lead\(s\) hold a number value for seats/);
    const shrink = await api.request('PATCH', '/api/settings/lead-attributes/plan', { values: ['pro'] });
    expect(shrink.status).toBe(409);
    expect(shrink.body.message).toMatch(/^1 lead\(s\) hold a value of plan that is no longer allowed/);
    expect(
      (await api.request('PATCH', '/api/settings/lead-attributes/plan', { values: ['free', 'pro', 'team'] })).status,
    ).toBe(200);
    const refused = await api.request('DELETE', '/api/settings/lead-attributes/seats');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('1 lead(s) hold a value for seats');
    expect((await api.request('GET', '/api/leads/attr-3')).body.attributes).toEqual({ plan: 'free', seats: 3 });
    expect((await api.request('DELETE', '/api/settings/lead-attributes/seats?dropValues=true')).status).toBe(204);
    expect((await api.request('GET', '/api/leads/attr-3')).body.attributes).toEqual({ plan: 'free' });
    expect((await auditOf('seats'))[0]).toMatchObject({
      action: 'leadAttribute.deleted',
      before: { key: 'seats', type: 'number' },
      after: { droppedValues: 1 },
    });
    expect(
      (await api.request('POST', '/api/settings/lead-attributes', { key: 'seats', label: 'Seats', type: 'number' }))
        .status,
    ).toBe(201);
  });

  it("carries the lead's attributes into a run's lead context", async () => {
    await api.request('POST', '/api/leads', {
      externalId: 'attr-run',
      attributes: { plan: 'pro', renewal: '2026-06-30' },
    });
    const { id } = (await api.request('GET', '/api/leads/attr-run')).body;
    const db = api.app.get(DataSource);
    const launch = await db.transaction((tx) =>
      lockLeadForLaunch(tx, id, null, randomUUID(), new Date('2026-05-01T00:00:00Z')),
    );
    expect(launch!.lead.attributes).toMatchObject({ plan: 'pro', renewal: '2026-06-30' });
  });

  it('publishes templates and branches on attributes of the schema and refuses unknown ones with 422 naming node and variable', async () => {
    const playbook = (await api.request('POST', '/api/playbooks', { name: 'Attribute plays' })).body;
    const graph = samplePlaybook();
    const intro = graph.nodes.find((n) => n.id === 'intro')!;
    Object.assign(intro.config, { body: 'Your {{ lead.attributes.plan }} plan renews {{ lead.attributes.tier }}' });
    Object.assign(graph.nodes.find((n) => n.id === 'replied')!.config, {
      condition: {
        op: 'compare',
        field: { scope: 'attribute', key: 'plan' },
        comparator: 'in',
        value: ['pro', 'gold'],
      },
    });
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 1 });
    const refused = await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([
      {
        code: 'unknown-template-variable',
        nodeId: 'intro',
        field: 'config.body',
        message: 'unknown variable {{ lead.attributes.tier }}',
      },
      {
        code: 'attribute-comparison',
        nodeId: 'replied',
        field: 'config.condition.value',
        message: 'plan: expected one of free, pro, team',
      },
    ]);
    Object.assign(intro.config, { body: 'Your {{ lead.attributes.plan }} plan renews {{ lead.attributes.renewal }}' });
    Object.assign(graph.nodes.find((n) => n.id === 'replied')!.config, {
      condition: {
        op: 'compare',
        field: { scope: 'attribute', key: 'renewal' },
        comparator: 'lt',
        value: '2027-01-01',
      },
    });
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 2 });
    expect((await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {})).status).toBe(201);
  });

  it('refuses to delete or retype an attribute a rule segment or a live playbook version reads, naming them', async () => {
    for (const attribute of [
      { key: 'region', label: 'Region', type: 'text' },
      { key: 'tier', label: 'Tier', type: 'enum', values: ['gold', 'silver'] },
    ])
      expect((await api.request('POST', '/api/settings/lead-attributes', attribute)).status).toBe(201);
    const segment = await api.request('POST', '/api/segments/rules', {
      name: 'Gold tier',
      rule: { match: 'all', conditions: [{ kind: 'attribute', key: 'tier', op: 'eq', value: 'gold' }] },
    });
    expect(segment.status).toBe(201);
    const playbook = (await api.request('POST', '/api/playbooks', { name: 'Regional intro' })).body;
    const graph = samplePlaybook();
    Object.assign(graph.nodes.find((n) => n.id === 'intro')!.config, { body: 'Hello {{ lead.attributes.region }}' });
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 1 });
    expect((await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {})).status).toBe(201);

    const deleteTier = await api.request('DELETE', '/api/settings/lead-attributes/tier?dropValues=true');
    expect(deleteTier.status).toBe(409);
    expect(deleteTier.body.readers).toEqual(['rule segment "Gold tier"']);
    const retypeTier = await api.request('PATCH', '/api/settings/lead-attributes/tier', { type: 'number' });
    expect(retypeTier.status).toBe(409);
    expect(retypeTier.body.message).toBe('tier is read by rule segment "Gold tier": change or retire those first');
    // A change the rule still fits goes through.
    expect((await api.request('PATCH', '/api/settings/lead-attributes/tier', { label: 'Customer tier' })).status).toBe(
      200,
    );

    const deleteRegion = await api.request('DELETE', '/api/settings/lead-attributes/region');
    expect(deleteRegion.status).toBe(409);
    expect(deleteRegion.body.readers).toEqual(['playbook "Regional intro" v1']);
    // Any type can be printed in a template: a retype is not the template's concern.
    expect((await api.request('PATCH', '/api/settings/lead-attributes/region', { type: 'number' })).status).toBe(200);
    expect((await api.request('GET', '/api/settings/lead-attributes')).body.map((a: { key: string }) => a.key)).toEqual(
      expect.arrayContaining(['region', 'tier']),
    );

    // Once nothing reads them, both go.
    expect((await api.request('DELETE', `/api/segments/rules/${segment.body.segment.id}`)).status).toBeLessThan(300);
    expect((await api.request('DELETE', '/api/settings/lead-attributes/tier')).status).toBe(204);
    Object.assign(graph.nodes.find((n) => n.id === 'intro')!.config, { body: 'Hello there' });
    await api.request('PUT', `/api/playbooks/${playbook.id}/draft`, { graph, revision: 2 });
    expect((await api.request('POST', `/api/playbooks/${playbook.id}/publish`, {})).status).toBe(201);
    expect((await api.request('DELETE', '/api/settings/lead-attributes/region')).status).toBe(204);
  });

  it('erasure clears text values (maybe personal data) and keeps typed ones', async () => {
    const { id } = (await api.request('GET', '/api/leads/attr-1')).body;
    expect((await api.request('POST', `/api/leads/${id}/erase`, {})).status).toBe(200);
    const [row] = await api.app.get(DataSource).query(`SELECT attributes FROM leads WHERE id = $1`, [id]);
    expect(row.attributes).toEqual({ plan: 'pro', renewal: '2027-01-31' });
  });
});
