import { DataSource } from 'typeorm';
import { auditTrailOf } from '../testing/audit-trail';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi } from '../testing/test-api';

const at = (day: number, hour = 10) => new Date(Date.UTC(2025, 0, day, hour)).toISOString();

describe('event side effects on consent, suppressions and touches (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  let fixtures: SlaFixtures;
  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    fixtures = await SlaFixtures.connect(api.config.DATABASE_URL);
  });
  afterAll(async () => {
    await fixtures.close();
    await api.close();
  });

  const postEvents = (events: unknown[]) => api.request('POST', '/api/events', { events });
  const postLead = (lead: Record<string, unknown>) => api.request('POST', '/api/leads', lead);
  const leadRow = async (externalId: string) =>
    (await db.query(`SELECT id, consent FROM leads WHERE external_id = $1`, [externalId]))[0];
  const changesOf = (leadId: string) =>
    db.query(`SELECT channel, granted, occurred_at, source FROM consent_changes WHERE lead_id = $1 ORDER BY id`, [
      leadId,
    ]);
  const suppressionsOf = (address: string) =>
    db.query(
      `SELECT channel, reason, source FROM suppressions WHERE address = encode(sha256(convert_to($1, 'UTF8')), 'hex') ORDER BY channel`,
      [address],
    );
  const consentTrailOf = async (leadId: string) =>
    (await auditTrailOf(db, 'lead', leadId)).filter((e) => e.action === 'lead.consentChanged');
  const SYSTEM = { kind: 'system', id: null, label: null };
  const unsubscribe = (eventId: string, lead: string, channel: string, day: number) => ({
    eventId,
    leadExternalId: lead,
    type: 'unsubscribe',
    channel,
    occurredAt: at(day),
  });

  it('an unsubscribe sets consent false, records the change and suppresses the address, in the flush', async () => {
    await postLead({
      externalId: 'u-1',
      email: 'Asha@SuratSilks.in',
      phone: '+919812345001',
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    const response = await postEvents([unsubscribe('unsub-1', 'u-1', 'email', 3)]);
    expect(response.body.results[0].status).toBe('accepted');
    const lead = await leadRow('u-1');
    expect(lead.consent).toEqual({ email: false, whatsapp: true, linkedin: true });
    expect(await changesOf(lead.id)).toEqual([
      { channel: 'email', granted: false, occurred_at: new Date(at(3)), source: 'event:unsub-1' },
    ]);
    expect(await suppressionsOf('asha@suratsilks.in')).toEqual([
      { channel: 'email', reason: 'unsubscribe', source: 'event:unsub-1' },
    ]);
    expect(await suppressionsOf('+919812345001')).toEqual([]);
    // An event flush groups many callers' events: the change is Segflow's, and `source` names the event.
    expect(await consentTrailOf(lead.id)).toEqual([
      expect.objectContaining({
        actor: SYSTEM,
        before: null,
        after: { channel: 'email', granted: false, source: 'event:unsub-1' },
      }),
    ]);
  });

  it('`all` withdraws every channel and suppresses email and phone', async () => {
    await postLead({
      externalId: 'u-2',
      email: 'vikram@punefreight.in',
      phone: '+919812345002',
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    await postEvents([unsubscribe('unsub-2', 'u-2', 'all', 3)]);
    const lead = await leadRow('u-2');
    expect(lead.consent).toEqual({ email: false, whatsapp: false, linkedin: false });
    expect((await changesOf(lead.id)).map((c: { channel: string }) => c.channel).sort()).toEqual([
      'email',
      'linkedin',
      'whatsapp',
    ]);
    expect(await suppressionsOf('+919812345002')).toEqual([
      { channel: 'whatsapp', reason: 'unsubscribe', source: 'event:unsub-2' },
    ]);
  });

  it('a failing flush stores neither the event nor its consent change nor the suppression', async () => {
    await postLead({ externalId: 'u-3', email: 'meera@jaipurgems.in' });
    const lead = await leadRow('u-3');
    // The feature update runs after the side effects in the same transaction; failing it fails the flush, which the
    // split retry narrows down to this one item: it is refused, and nothing of it may remain.
    await db.query(
      `CREATE FUNCTION fail_flush() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'flush fails'; END $$`,
    );
    await db.query(
      `CREATE TRIGGER fail_flush BEFORE UPDATE ON lead_features FOR EACH ROW WHEN (NEW.lead_id = '${lead.id}') EXECUTE FUNCTION fail_flush()`,
    );
    try {
      const response = await postEvents([unsubscribe('unsub-3', 'u-3', 'email', 3)]);
      expect(response.body.results).toEqual([expect.objectContaining({ index: 0, status: 'rejected' })]);
    } finally {
      await db.query(`DROP TRIGGER fail_flush ON lead_features; DROP FUNCTION fail_flush()`);
    }
    expect((await leadRow('u-3')).consent.email).toBe(true);
    expect(await changesOf(lead.id)).toEqual([]);
    expect(await suppressionsOf('meera@jaipurgems.in')).toEqual([]);
    expect(await db.query(`SELECT 1 FROM events WHERE event_id = 'unsub-3'`)).toEqual([]);
    expect(await consentTrailOf(lead.id)).toEqual([]);
  });

  it('a hard bounce suppresses the email address; a soft one does not', async () => {
    await postLead({ externalId: 'b-1', email: 'gone@example.in' });
    await postLead({ externalId: 'b-2', email: 'full@example.in' });
    await postEvents([
      {
        eventId: 'bounce-1',
        leadExternalId: 'b-1',
        type: 'email_bounce',
        occurredAt: at(4),
        properties: { bounceType: 'hard' },
      },
      {
        eventId: 'bounce-2',
        leadExternalId: 'b-2',
        type: 'email_bounce',
        occurredAt: at(4),
        properties: { bounceType: 'soft' },
      },
    ]);
    expect(await suppressionsOf('gone@example.in')).toEqual([
      { channel: 'email', reason: 'hard_bounce', source: 'event:bounce-1' },
    ]);
    expect(await suppressionsOf('full@example.in')).toEqual([]);
  });

  it("a hard bounce suppresses the DSN's failed recipient when it names one", async () => {
    await postLead({ externalId: 'b-3', email: 'primary@example.in' });
    await postEvents([
      {
        eventId: 'bounce-3',
        leadExternalId: 'b-3',
        type: 'email_bounce',
        occurredAt: at(4),
        properties: { bounceType: 'hard', recipient: 'Old.Alias@example.in' },
      },
    ]);
    expect(await suppressionsOf('old.alias@example.in')).toEqual([
      { channel: 'email', reason: 'hard_bounce', source: 'event:bounce-3' },
    ]);
    expect(await suppressionsOf('primary@example.in')).toEqual([]);
  });

  describe('POST /api/leads and consent', () => {
    it('a re-POST with consent true does not re-grant, and says so per item', async () => {
      await postLead({ externalId: 'r-1', email: 'ravi@indorespices.in' });
      await postEvents([unsubscribe('unsub-r1', 'r-1', 'email', 5)]);
      const again = await postLead({ externalId: 'r-1', consent: { email: true, whatsapp: true, linkedin: true } });
      expect(again.status).toBe(200);
      expect(again.body.warnings).toEqual([expect.objectContaining({ field: 'consent.email' })]);
      // WhatsApp was off by default but never opted out of: a first grant, not a re-grant.
      expect((await leadRow('r-1')).consent).toEqual({ email: false, whatsapp: true, linkedin: true });
    });

    it('an opt-in earlier than the opt-out is refused with a warning; a later one re-grants and is recorded', async () => {
      const lead = await leadRow('r-1');
      const early = await postLead({ externalId: 'r-1', optIns: [{ channel: 'email', at: at(4) }] });
      expect(early.body.warnings).toEqual([expect.objectContaining({ field: 'optIns.0.at' })]);
      expect((await leadRow('r-1')).consent.email).toBe(false);
      expect(await suppressionsOf('ravi@indorespices.in')).toHaveLength(1);

      const later = await postLead({
        externalId: 'r-1',
        optIns: [{ channel: 'email', at: at(6), source: 'trade fair form' }],
      });
      expect(later.body.warnings).toBeUndefined();
      expect((await leadRow('r-1')).consent.email).toBe(true);
      expect((await changesOf(lead.id)).at(-1)).toEqual({
        channel: 'email',
        granted: true,
        occurred_at: new Date(at(6)),
        source: 'api:trade fair form',
      });
      expect(await suppressionsOf('ravi@indorespices.in')).toEqual([]);
      // The refused early opt-in left no entry; the re-grant is the caller's.
      expect((await consentTrailOf(lead.id)).map((e) => [e.actor, e.after])).toEqual([
        [SYSTEM, { channel: 'email', granted: false, source: 'event:unsub-r1' }],
        [
          { kind: 'user', id: api.admin.id, label: api.admin.email },
          { channel: 'email', granted: true, source: 'api:trade fair form' },
        ],
      ]);
    });

    it('an old unsubscribe arriving after a later opt-in is recorded but does not withdraw', async () => {
      await postEvents([unsubscribe('unsub-r1-late', 'r-1', 'email', 5)]);
      expect((await leadRow('r-1')).consent.email).toBe(true);
      expect((await changesOf((await leadRow('r-1')).id)).at(-1)).toMatchObject({
        granted: false,
        source: 'event:unsub-r1-late',
      });
      expect(await suppressionsOf('ravi@indorespices.in')).toEqual([]);
    });

    it('consent true together with a later opt-in re-grants without a warning', async () => {
      await postLead({ externalId: 'r-2', email: 'kiran@mysoresilk.in' });
      await postEvents([unsubscribe('unsub-r2', 'r-2', 'email', 5)]);
      const response = await postLead({
        externalId: 'r-2',
        consent: { email: true, whatsapp: false, linkedin: true },
        optIns: [{ channel: 'email', at: at(6) }],
      });
      expect(response.body.warnings).toBeUndefined();
      expect((await leadRow('r-2')).consent.email).toBe(true);
    });

    it('consent false on a known lead is recorded as an opt-out that a later import cannot undo', async () => {
      await postLead({ externalId: 'w-1', email: 'meera@puneprints.in' });
      const lead = await leadRow('w-1');
      await postLead({ externalId: 'w-1', consent: { email: false, whatsapp: false, linkedin: true } });
      expect((await changesOf(lead.id)).at(-1)).toMatchObject({
        channel: 'email',
        granted: false,
        source: 'api:leads',
      });
      expect(await suppressionsOf('meera@puneprints.in')).toEqual([
        expect.objectContaining({ reason: 'unsubscribe', source: 'api:leads' }),
      ]);

      // Already off: no second change recorded.
      await postLead({ externalId: 'w-1', consent: { email: false, whatsapp: false, linkedin: true } });
      expect((await changesOf(lead.id)).filter((c: { source: string }) => c.source === 'api:leads')).toHaveLength(1);
      // WhatsApp was off already: only the email withdrawal is a change, the caller's.
      expect(await consentTrailOf(lead.id)).toEqual([
        expect.objectContaining({
          actor: { kind: 'user', id: api.admin.id, label: api.admin.email },
          after: { channel: 'email', granted: false, source: 'api:leads' },
        }),
      ]);

      const again = await postLead({ externalId: 'w-1', consent: { email: true, whatsapp: false, linkedin: true } });
      expect(again.body.warnings).toEqual([expect.objectContaining({ field: 'consent.email' })]);
      expect((await leadRow('w-1')).consent.email).toBe(false);
    });

    it('an opt-in never lifts a hard-bounce suppression', async () => {
      await postLead({ externalId: 'b-1', optIns: [{ channel: 'email', at: at(9) }] });
      expect(await suppressionsOf('gone@example.in')).toEqual([expect.objectContaining({ reason: 'hard_bounce' })]);
    });

    it('rejects an opt-in dated in the future, naming the field', async () => {
      const response = await postLead({
        externalId: 'r-1',
        optIns: [{ channel: 'email', at: '2999-01-01T00:00:00Z' }],
      });
      expect(response.status).toBe(400);
      expect(response.body.issues).toEqual([expect.objectContaining({ field: 'optIns.0.at' })]);
    });
  });

  describe('touch delivery status', () => {
    let leadId: string;
    let touchId: string;
    beforeAll(async () => {
      await postLead({ externalId: 't-1', email: 'neha@kochitea.in' });
      await postLead({ externalId: 't-2', email: 'other@kochitea.in' });
      leadId = (await leadRow('t-1')).id;
      const { playbookId, versionId } = await fixtures.playbook('Touch status');
      const [run] = await db.query(
        `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, status, started_at) VALUES ($1, $2, $3, 1, 'active', now()) RETURNING id`,
        [leadId, playbookId, versionId],
      );
      [{ id: touchId }] = await db.query(
        `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, body, sender, status, delivery_status) VALUES ($1, $2, 'send', 1, 'email', 'hi', '{}', 'sent', 'sent') RETURNING id`,
        [run.id, leadId],
      );
    });
    const statusOf = async () =>
      (await db.query(`SELECT delivery_status, delivery_status_at FROM touches WHERE id = $1`, [touchId]))[0];
    const threaded = (eventId: string, type: string, day: number, lead = 't-1') => ({
      eventId,
      leadExternalId: lead,
      type,
      occurredAt: at(day),
      replyTo: { touchId },
    });

    it('moves forward with the events threaded to it, and never back', async () => {
      await postEvents([threaded('ts-1', 'email_click', 5), threaded('ts-2', 'email_open', 4)]);
      expect(await statusOf()).toEqual({ delivery_status: 'clicked', delivery_status_at: new Date(at(5)) });
      await postEvents([threaded('ts-3', 'email_open', 6)]);
      expect((await statusOf()).delivery_status).toBe('clicked');
      await postEvents([threaded('ts-4', 'email_reply', 7)]);
      expect(await statusOf()).toEqual({ delivery_status: 'replied', delivery_status_at: new Date(at(7)) });
      await postEvents([threaded('ts-5', 'email_bounce', 8)]);
      expect((await statusOf()).delivery_status).toBe('replied');
    });

    it('ignores an event naming a touch of another lead, or no touch at all', async () => {
      const before = await statusOf();
      const response = await postEvents([
        { ...threaded('ts-6', 'email_bounce', 9, 't-2') },
        {
          eventId: 'ts-7',
          leadExternalId: 't-1',
          type: 'email_open',
          occurredAt: at(9),
          replyTo: { touchId: 'not-a-touch' },
        },
      ]);
      expect(response.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
      expect(await statusOf()).toEqual(before);
    });
  });
});
