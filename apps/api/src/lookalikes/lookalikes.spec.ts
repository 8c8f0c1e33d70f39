import { samplePlaybook } from '@segflow/playbook/testing';
import type { EventInput } from '@segflow/scoring';
import { DataSource } from 'typeorm';
import { IngestWriter } from '../events/ingest-writer';
import { startTestApi, TestApi } from '../testing/test-api';

const DAY = 86_400_000;

// Buyers (a good firmographic fit, pricing views, a demo, then a purchase), their twins (the same, without the
// purchase) and cold leads (a poor fit, a blog visit): lookalikes of the buyers must be the twins.
describe('lookalike lists: ranked against converted leads, saved, enrolled through manual enrolment (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  const now = new Date();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  let sequence = 0;
  const event = (lead: string, type: EventInput['type'], when: Date, extra: object = {}): EventInput =>
    ({
      eventId: `l-${(sequence += 1)}`,
      leadExternalId: lead,
      type,
      occurredAt: when.toISOString(),
      ...extra,
    }) as EventInput;
  const hot = (lead: string) => [
    event(lead, 'form_submit', at(6)),
    ...[3, 2, 1].map((d) => event(lead, 'page_view', at(d), { url: 'https://segflow.example/pricing' })),
    event(lead, 'demo_booked', at(1)),
  ];
  const cold = (lead: string) => [event(lead, 'page_view', at(40), { url: 'https://segflow.example/blog/a' })];
  const ingest = async (events: EventInput[]) => {
    const results = await api.app.get(IngestWriter).write(
      events.map((e, index) => ({ index, event: e })),
      now,
    );
    expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
  };
  const goodFit = { industry: 'saas', headcount: 60, revenueBand: '1m_10m', fundingStage: 'series_a' };
  const poorFit = { industry: 'hospitality', headcount: 2, revenueBand: 'under_100k', fundingStage: 'bootstrapped' };
  const named = (prefix: string, n: number, extra: object) =>
    Array.from({ length: n }, (_, i) => ({
      externalId: `${prefix}-${i}`,
      name: `${prefix} ${i}`,
      company: `${prefix} co ${i}`,
      email: `${prefix}-${i}@acme.test`,
      ...extra,
    }));
  const buyers = named('buyer', 12, goodFit);
  const twins = named('twin', 5, goodFit);
  const colds = named('cold', 8, poorFit);
  const leadIds = new Map<string, string>();
  const idOf = (externalId: string) => leadIds.get(externalId)!;
  let playbookId: string;

  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    db = api.app.get(DataSource);
    const twinsWithQuirks = twins.map((t, i) =>
      i === 3
        ? { ...t, consent: { email: false, whatsapp: true, linkedin: true } }
        : i === 4
          ? { ...t, ownerId: 'rep-excluded' }
          : t,
    );
    const { body } = await api.request('POST', '/api/leads', { leads: [...buyers, ...twinsWithQuirks, ...colds] });
    for (const r of body.results) leadIds.set(r.externalId, r.id);
    await ingest([...buyers, ...twins].flatMap((l) => hot(l.externalId)));
    await ingest(colds.flatMap((l) => cold(l.externalId)));
    playbookId = (await api.request('POST', '/api/playbooks', { name: 'Lookalike nurture' })).body.id;
    await api.request('PUT', `/api/playbooks/${playbookId}/draft`, { graph: samplePlaybook(), revision: 1 });
    await api.request('POST', `/api/playbooks/${playbookId}/publish`, {});
  });
  afterAll(async () => api?.close());

  it('refuses with 422 "not enough data" while fewer than 10 leads have converted', async () => {
    await ingest(
      buyers.slice(0, 9).map((b) => event(b.externalId, 'purchase', at(0.5), { amount: 50_000, currency: 'INR' })),
    );
    const refused = await api.request('POST', '/api/lookalikes', { name: 'Too early', size: 5 });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('not enough data: 9 converted lead(s)');
  });

  it("ranks the buyers' twins first, never lists a customer, and honours the owner filter", async () => {
    await ingest(
      buyers.slice(9).map((b) => event(b.externalId, 'purchase', at(0.5), { amount: 50_000, currency: 'INR' })),
    );
    const created = await api.request('POST', '/api/lookalikes', {
      name: 'Like our buyers',
      size: 6,
      excludeOwnedBy: 'rep-excluded',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Like our buyers',
      size: 6,
      memberCount: 6,
      goalEventType: 'purchase',
      convertedCount: 12,
      candidateCount: 12, // 5 twins − the excluded owner's + 8 cold
      excludeOwnedBy: 'rep-excluded',
    });
    const detail = await api.request('GET', `/api/lookalikes/${created.body.id}`);
    expect(detail.status).toBe(200);
    const members: { rank: number; score: number; leadId: string; name: string; company: string }[] =
      detail.body.members;
    expect(members.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      members
        .slice(0, 4)
        .map((m) => m.name)
        .sort(),
    ).toEqual(['twin 0', 'twin 1', 'twin 2', 'twin 3']);
    expect(members.slice(4).every((m) => m.name.startsWith('cold'))).toBe(true);
    expect(members[0]).toMatchObject({ company: expect.stringMatching(/^twin co/) });
    expect(members[3]!.score).toBeGreaterThan(members[4]!.score);
    expect(members.every((m) => m.score > 0 && m.score <= 1)).toBe(true);
    const page = await api.request('GET', `/api/lookalikes/${created.body.id}?offset=4&limit=10`);
    expect(page.body).toMatchObject({ total: 6, members: [{ rank: 5 }, { rank: 6 }] });
    expect((await api.request('GET', '/api/lookalikes')).body).toEqual([
      expect.objectContaining({ id: created.body.id, memberCount: 6 }),
    ]);
  });

  it('enrols each member once through manual enrolment, skipping suppressed and erased leads; a repeat starts nothing', async () => {
    const list = (await api.request('POST', '/api/lookalikes', { name: 'To enrol', size: 5 })).body;
    const erased = idOf('twin-2');
    expect((await api.request('POST', `/api/leads/${erased}/erase`)).status).toBe(200);
    const detail = (await api.request('GET', `/api/lookalikes/${list.id}`)).body;
    expect(detail.members.map((m: { leadId: string }) => m.leadId)).not.toContain(erased);
    expect(detail).toMatchObject({ memberCount: 4, total: 4 });

    const first = await api.request('POST', `/api/lookalikes/${list.id}/enrol`, { playbookId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      members: 5,
      enrolled: 3,
      skipped: { suppressed: 1, 'already-running': 0, erased: 1 },
    });
    expect(first.body.skippedLeads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ leadId: idOf('twin-3'), reason: 'suppressed' }),
        expect.objectContaining({ leadId: erased, reason: 'erased' }),
      ]),
    );
    const again = await api.request('POST', `/api/lookalikes/${list.id}/enrol`, { playbookId });
    expect(again.body).toMatchObject({ enrolled: 0, skipped: { suppressed: 1, 'already-running': 3, erased: 1 } });

    const memberIds = detail.members.map((m: { leadId: string }) => m.leadId);
    const runs = await db.query(
      `SELECT lead_id, count(*)::int AS n FROM runs WHERE playbook_id = $1 AND lead_id = ANY($2::uuid[]) GROUP BY lead_id`,
      [playbookId, memberIds],
    );
    expect(runs.map((r: { n: number }) => r.n)).toEqual([1, 1, 1]);
    const starts = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE kind = 'run_start' AND payload->>'leadId' = ANY($1::text[])`,
      [memberIds],
    );
    expect(starts[0].n).toBe(3);
    const audit = await api.request('GET', `/api/audit?entityType=lookalike_list&entityId=${list.id}`);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'lookalike.enrolled',
      'lookalike.enrolled',
      'lookalike.created',
    ]);
  });

  it('names bad input, refuses drafts and unknown ids, and deletes a list', async () => {
    const tooBig = await api.request('POST', '/api/lookalikes', { name: 'x', size: 1001 });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.issues).toEqual([expect.objectContaining({ field: 'size' })]);
    const noSegment = await api.request('POST', '/api/lookalikes', {
      name: 'x',
      size: 5,
      segmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noSegment.status).toBe(422);
    expect(noSegment.body.issues).toEqual([expect.objectContaining({ field: 'segmentId' })]);
    const list = (await api.request('POST', '/api/lookalikes', { name: 'Short-lived', size: 2 })).body;
    const draft = (await api.request('POST', '/api/playbooks', { name: 'Draft only' })).body.id;
    expect((await api.request('POST', `/api/lookalikes/${list.id}/enrol`, { playbookId: draft })).status).toBe(409);
    expect((await api.request('DELETE', `/api/lookalikes/${list.id}`)).status).toBe(204);
    expect((await api.request('GET', `/api/lookalikes/${list.id}`)).status).toBe(404);
    expect((await api.request('DELETE', `/api/lookalikes/${list.id}`)).status).toBe(404);
  });

  it('is open to ops and admins only', async () => {
    const manager = await api.createUser({ role: 'manager' });
    const ops = await api.createUser({ role: 'ops' });
    expect((await api.requestAs(manager, 'GET', '/api/lookalikes')).status).toBe(403);
    expect((await api.requestAs(ops, 'GET', '/api/lookalikes')).status).toBe(200);
  });
});
