import { EVENT_VOCABULARY } from '@segflow/events';
import { refreshEventVocabulary, type SqlVocabulary } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { startTestApi, TestApi } from '../testing/test-api';
import { EventRetentionService } from './event-retention.service';

const DAY = 86_400_000;

// Issue 20: EVENT_RETENTION_DAYS deletes raw events; features and aggregates stay.
describe('EventRetentionService (real Postgres, injected clock)', () => {
  let api: TestApi;
  let db: DataSource;
  // The clock the prune is run at: every event time below is relative to it, so the day the test runs is moot.
  const now = new Date(Date.now() - 3_600_000);
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

  beforeAll(async () => {
    api = await startTestApi({ EVENT_RETENTION_DAYS: '30' });
    db = api.app.get(DataSource);
    expect((await api.request('POST', '/api/leads', { externalId: 'ret-1', name: 'Retained' })).status).toBe(201);
    const events = [
      { eventId: 'ret-old-form', type: 'form_submit', occurredAt: ago(45), properties: { field: 'budget' } },
      { eventId: 'ret-old-reply', type: 'email_reply', occurredAt: ago(40), properties: { text: 'call me' } },
      { eventId: 'ret-edge-form', type: 'form_submit', occurredAt: ago(29), properties: { field: 'size' } },
      { eventId: 'ret-new-reply', type: 'email_reply', occurredAt: ago(1), properties: { text: 'yes' } },
    ].map((e) => ({ ...e, leadExternalId: 'ret-1' }));
    const ingested = await api.request('POST', '/api/events', { events });
    expect(ingested.body.results.map((r: { status: string }) => r.status)).toEqual(Array(4).fill('accepted'));
  });
  afterAll(() => api?.close());

  const snapshot = () =>
    db.query(`SELECT (SELECT sum(replies) FROM dashboard_outcome_days)::int AS replies,
                     (SELECT jsonb_agg(to_jsonb(f) - 'updated_at') FROM lead_features f) AS features`);
  // Each stored event and whether it still has properties.
  const stored = () =>
    db.query(`SELECT event_id AS "eventId", data <> '{}' AS "hasData" FROM events ORDER BY event_id`) as Promise<
      unknown[]
    >;

  it('is off unless EVENT_RETENTION_DAYS is set', async () => {
    const config = { ...api.app.get<AppConfig>(APP_CONFIG), EVENT_RETENTION_DAYS: undefined };
    expect(await new EventRetentionService(db, config).prune(now)).toEqual({ deleted: 0, stripped: 0 });
    expect(await stored()).toEqual([
      { eventId: 'ret-edge-form', hasData: true },
      { eventId: 'ret-new-reply', hasData: true },
      { eventId: 'ret-old-form', hasData: true },
      { eventId: 'ret-old-reply', hasData: true },
    ]);
  });

  it('deletes uncounted events older than the retention and strips counted ones, leaving features and aggregates', async () => {
    const before = await snapshot();
    expect(await api.app.get(EventRetentionService).prune(now)).toEqual({ deleted: 1, stripped: 1 });
    expect(await stored()).toEqual([
      { eventId: 'ret-edge-form', hasData: true },
      { eventId: 'ret-new-reply', hasData: true },
      { eventId: 'ret-old-reply', hasData: false },
    ]);
    expect(await snapshot()).toEqual(before);
    // A second prune finds nothing more.
    expect(await api.app.get(EventRetentionService).prune(now)).toEqual({ deleted: 0, stripped: 0 });
  });

  // A reply type without the `_reply` suffix, and a `_reply` type that the vocabulary no longer counts.
  const RECLASSED: SqlVocabulary = {
    ...EVENT_VOCABULARY,
    linkedin_reply: { ...EVENT_VOCABULARY.linkedin_reply, outcome: null },
    call_answered: { outcome: 'reply', channel: 'whatsapp' },
  };

  it("keeps an event by its type's outcome class in the vocabulary, not by its name", async () => {
    const [{ id: leadId }] = await db.query(`SELECT id FROM leads WHERE external_id = 'ret-1'`);
    for (const [eventId, type] of [
      ['ret-old-call', 'call_answered'],
      ['ret-old-linkedin', 'linkedin_reply'],
    ])
      await db.query(
        `INSERT INTO events (event_id, lead_id, type, occurred_at, data) VALUES ($1, $2, $3, $4, '{"properties":{"text":"hi"}}')`,
        [eventId, leadId, type, ago(40)],
      );
    await refreshEventVocabulary(db, RECLASSED);
    try {
      expect(await api.app.get(EventRetentionService).prune(now)).toEqual({ deleted: 1, stripped: 1 });
    } finally {
      await refreshEventVocabulary(db);
    }
    expect(await stored()).toEqual([
      { eventId: 'ret-edge-form', hasData: true },
      { eventId: 'ret-new-reply', hasData: true },
      { eventId: 'ret-old-call', hasData: false },
      { eventId: 'ret-old-reply', hasData: false },
    ]);
  });
});
