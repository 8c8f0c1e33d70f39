import { randomUUID } from 'node:crypto';
import { CONFIRM_UNSUBSCRIBE_TASK_TYPE } from '@segflow/api-contracts';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

// Every reply with text stores its intent where runs and features read it, at ingest; a reply asking to stop opens a
// task for the rep instead of unsubscribing by itself, and the rep's one click unsubscribes through the consent path.
describe('reply intent at ingest (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  let rep: TestUser;
  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    db = api.app.get(DataSource);
    rep = await api.createUser({ role: 'rep', name: 'Ravi' });
    const consent = { email: true, whatsapp: true, linkedin: true };
    await api.request('POST', '/api/leads', {
      leads: ['ri-1', 'ri-2', 'ri-3', 'ri-4'].map((externalId) => ({
        externalId,
        email: `${externalId}@example.in`,
        phone: `+9198765${externalId.slice(-1).padStart(5, '0')}`,
        ownerId: rep.id,
        consent,
      })),
    });
  });
  afterAll(() => api.close());

  let seq = 0;
  const reply = (lead: string, type: string, properties?: Record<string, unknown>) => ({
    eventId: `ri-${(seq += 1)}`,
    leadExternalId: lead,
    type,
    occurredAt: '2026-03-02T10:00:00+05:30',
    ...(properties ? { properties } : {}),
  });
  const post = (...events: unknown[]) => api.request('POST', '/api/events', { events });
  const storedProperties = async (eventId: string) =>
    (await db.query(`SELECT data FROM events WHERE event_id = $1`, [eventId]))[0]?.data.properties;
  const accumulators = async (lead: string) =>
    (
      await db.query(`SELECT f.state FROM lead_features f JOIN leads l ON l.id = f.lead_id WHERE l.external_id = $1`, [
        lead,
      ])
    )[0].state.acc;

  it('stores the intent, confidence, language and model version on a reply with text', async () => {
    const pricing = reply('ri-1', 'whatsapp_reply', { text: 'price kya hai?' });
    expect((await post(pricing)).body).toMatchObject({ accepted: 1 });
    expect(await storedProperties(pricing.eventId)).toEqual({
      text: 'price kya hai?',
      intent: {
        intent: 'pricing',
        confidence: expect.any(Number),
        language: 'hi-Latn',
        model: expect.stringMatching(/^intent-lr-[0-9a-f]{12}$/),
      },
    });
  });

  it('classifies each reply channel, replacing an intent the client sent, and leaves other events alone', async () => {
    const email = reply('ri-1', 'email_reply', {
      text: 'Can you share the price list?\n\nOn Mon, 2 Mar 2026, Ravi <r@x.in> wrote:\n> Not interested?',
      intent: { intent: 'not_interested', confidence: 1 },
    });
    const linkedin = reply('ri-1', 'linkedin_reply', { text: 'what is the price for 10 users?' });
    const silent = reply('ri-1', 'whatsapp_reply');
    const view = { ...reply('ri-1', 'page_view', { text: 'price kya hai?' }), url: '/blog' };
    expect((await post(email, linkedin, silent, view)).body).toMatchObject({ accepted: 4 });
    expect((await storedProperties(email.eventId)).intent).toMatchObject({ intent: 'pricing', language: 'en' });
    expect((await storedProperties(linkedin.eventId)).intent).toMatchObject({ intent: 'pricing' });
    expect(await storedProperties(silent.eventId)).toBeUndefined();
    expect((await storedProperties(view.eventId)).intent).toBeUndefined();
  });

  it('weighs a buying reply as intent and a refusal as friction in the features', async () => {
    await post(reply('ri-2', 'whatsapp_reply', { text: 'price kya hai?' }));
    await post(reply('ri-3', 'whatsapp_reply', { text: 'not interested, thanks' }));
    const [buying, refusing] = [await accumulators('ri-2'), await accumulators('ri-3')];
    expect(buying.intent).toBeGreaterThan(refusing.intent);
    expect(refusing.friction).toBeGreaterThan(0);
    expect(buying.friction).toBe(0);
  });

  describe('a reply asking to stop', () => {
    const stop = reply('ri-4', 'whatsapp_reply', { text: 'please remove me from your list, do not message me again' });
    const consentOf = async () =>
      (await db.query(`SELECT consent FROM leads WHERE external_id = 'ri-4'`))[0].consent as Record<string, boolean>;
    const tasksOf = () =>
      db.query(
        `SELECT id, task_type, assignee_id, status, outcome, priority FROM tasks t WHERE t.reply_event_id = $1`,
        [stop.eventId],
      );

    it('opens one confirm task for the lead owner and unsubscribes nothing by itself', async () => {
      await post(stop);
      await post(stop);
      expect((await storedProperties(stop.eventId)).intent.intent).toBe('unsubscribe');
      expect(await consentOf()).toMatchObject({ whatsapp: true });
      expect(await tasksOf()).toEqual([
        expect.objectContaining({
          task_type: CONFIRM_UNSUBSCRIBE_TASK_TYPE,
          assignee_id: rep.id,
          status: 'open',
          priority: 'high',
        }),
      ]);
      const inbox = await api.requestAs(rep, 'GET', '/api/inbox');
      const item = inbox.body.find((i: { taskType: string }) => i.taskType === CONFIRM_UNSUBSCRIBE_TASK_TYPE);
      expect(item).toMatchObject({
        title: 'Lead asked to stop — confirm unsubscribe',
        replyIntent: { intent: 'unsubscribe' },
        description: expect.stringContaining('please remove me from your list'),
      });
      expect(item.whyNow).toContainEqual(expect.stringMatching(/^whatsapp reply .*: unsubscribe \(\d+%\)$/));
    });

    it("unsubscribes from the reply's channel through the consent path when the owner confirms", async () => {
      const [task] = await tasksOf();
      const stranger = await api.createUser({ role: 'rep' });
      const url = `/api/inbox/tasks/${task.id}/confirm-unsubscribe`;
      expect((await api.requestAs(stranger, 'POST', url)).status).toBe(403);
      const confirmed = await api.requestAs(rep, 'POST', url);
      expect(confirmed).toMatchObject({
        status: 200,
        body: { channel: 'whatsapp', eventId: `unsubscribe-confirmed:${task.id}` },
      });
      expect(await consentOf()).toEqual({ email: true, whatsapp: false, linkedin: true });
      expect(
        await db.query(
          `SELECT channel, reason, source FROM suppressions WHERE address = encode(sha256(convert_to('+919876500004', 'UTF8')), 'hex')`,
        ),
      ).toEqual([{ channel: 'whatsapp', reason: 'unsubscribe', source: `event:unsubscribe-confirmed:${task.id}` }]);
      expect(await tasksOf()).toEqual([expect.objectContaining({ status: 'done', outcome: 'unsubscribe_confirmed' })]);
      expect((await api.requestAs(rep, 'POST', url)).status).toBe(409);
    });

    it('refuses to confirm a task no unsubscribe reply opened', async () => {
      const other = reply('ri-4', 'whatsapp_reply', { text: 'price kya hai?' });
      await post(other);
      const [{ id: leadId }] = await db.query(`SELECT id FROM leads WHERE external_id = 'ri-4'`);
      const [{ id }] = await db.query(
        `INSERT INTO tasks (lead_id, task_type, title, priority, due_at, assignee_id) VALUES ($1, 'call', 'Call', 'normal', now(), $2) RETURNING id`,
        [leadId, rep.id],
      );
      const response = await api.requestAs(rep, 'POST', `/api/inbox/tasks/${id}/confirm-unsubscribe`);
      expect(response).toMatchObject({ status: 409, body: { message: `task ${id} is no unsubscribe request` } });
    });
  });

  describe('a LinkedIn reply a rep logs', () => {
    it("records it as a linkedin_reply on the rep's own lead, classified, once", async () => {
      const [{ id: leadId }] = await db.query(`SELECT id FROM leads WHERE external_id = 'ri-2'`);
      const url = `/api/leads/${leadId}/linkedin-replies`;
      const body = { text: 'what is the price for 10 users?', occurredAt: '2026-03-02T11:00:00+05:30' };
      const logged = await api.requestAs(rep, 'POST', url, body);
      expect(logged).toMatchObject({
        status: 201,
        body: { eventId: expect.stringMatching(/^linkedin:/), intent: { intent: 'pricing', language: 'en' } },
      });
      expect((await api.requestAs(rep, 'POST', url, body)).body.eventId).toBe(logged.body.eventId);
      const stored = await db.query(`SELECT type, data FROM events WHERE event_id = $1`, [logged.body.eventId]);
      expect(stored).toEqual([
        {
          type: 'linkedin_reply',
          data: { properties: { text: body.text, loggedBy: rep.id, intent: logged.body.intent } },
        },
      ]);
    });

    it('refuses other reps, unknown leads and blank text', async () => {
      const [{ id: leadId }] = await db.query(`SELECT id FROM leads WHERE external_id = 'ri-2'`);
      const stranger = await api.createUser({ role: 'rep' });
      const url = `/api/leads/${leadId}/linkedin-replies`;
      expect((await api.requestAs(stranger, 'POST', url, { text: 'hi' })).status).toBe(403);
      expect((await api.request('POST', `/api/leads/${randomUUID()}/linkedin-replies`, { text: 'hi' })).status).toBe(
        404,
      );
      expect(await api.requestAs(rep, 'POST', url, { text: ' ' })).toMatchObject({
        status: 400,
        body: { issues: [{ field: 'text' }] },
      });
    });
  });
});
