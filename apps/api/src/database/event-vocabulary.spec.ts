import { EVENT_VOCABULARY } from '@segflow/events';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { runMigrations } from './data-source';
import {
  eventVocabularyFunctions,
  liftByPlaybook,
  refreshEventVocabulary,
  type SqlVocabulary,
  type VocabularyFunction,
} from '@segflow/stores';

const bodyOf = (functions: VocabularyFunction[], name: string) =>
  functions.find((fn) => fn.signature.startsWith(`${name}(`))!.body;

// A copy of the vocabulary with one new type (a reply on WhatsApp) and one reclassified (form_submit as a meeting).
const CHANGED: SqlVocabulary = {
  ...EVENT_VOCABULARY,
  form_submit: { ...EVENT_VOCABULARY.form_submit, outcome: 'meeting' },
  call_answered: { outcome: 'reply', channel: 'whatsapp' },
};

describe('eventVocabularyFunctions', () => {
  it('generates different SQL when a type is added to a copy of the vocabulary', () => {
    const before = eventVocabularyFunctions();
    const after = eventVocabularyFunctions({
      ...EVENT_VOCABULARY,
      call_answered: { outcome: 'reply', channel: 'whatsapp' },
    });
    expect(bodyOf(after, 'segflow_event_outcome')).toBe(
      bodyOf(before, 'segflow_event_outcome').replace(
        /\n {2}END\n$/,
        "\n    WHEN 'call_answered' THEN 'reply'\n  END\n",
      ),
    );
    expect(bodyOf(after, 'segflow_event_channel')).toContain("WHEN 'call_answered' THEN 'whatsapp'");
    expect(bodyOf(after, 'segflow_event_types')).toContain(", 'call_answered']::text[]");
  });

  it('leaves types without an outcome or channel out of those functions (they give NULL)', () => {
    const functions = eventVocabularyFunctions({ page_view: { outcome: null, channel: null } });
    expect(bodyOf(functions, 'segflow_event_outcome')).toBe('\n  SELECT NULL::text\n');
    expect(bodyOf(functions, 'segflow_event_types')).toContain("ARRAY['page_view']");
  });

  it('quotes a type as an SQL literal', () => {
    const functions = eventVocabularyFunctions({ "o'brien": { outcome: 'reply', channel: 'email' } });
    expect(bodyOf(functions, 'segflow_event_outcome')).toContain("WHEN 'o''brien' THEN 'reply'");
  });
});

describe('refreshEventVocabulary (real PostgreSQL)', () => {
  let url: string;
  let db: DataSource;
  let leadId: string;

  const counts = async () =>
    (
      await db.query(
        `SELECT COALESCE(sum(replies), 0)::int AS replies, COALESCE(sum(meetings), 0)::int AS meetings,
                COALESCE(sum(conversions), 0)::int AS conversions FROM dashboard_outcome_days`,
      )
    )[0];
  const addEvent = (eventId: string, type: string) =>
    db.query(`INSERT INTO events (event_id, lead_id, type, occurred_at) VALUES ($1, $2, $3, now())`, [
      eventId,
      leadId,
      type,
    ]);

  beforeAll(async () => {
    url = await createTestDatabase('event_vocabulary');
    await runMigrations(url);
    db = await new DataSource({ type: 'postgres', url }).initialize();
    [{ id: leadId }] = await db.query(`INSERT INTO leads (external_id) VALUES ('lead-1') RETURNING id`);
    const [{ id: playbookId }] = await db.query(`INSERT INTO playbooks (name, draft) VALUES ('p', '{}') RETURNING id`);
    const [{ id: versionId }] = await db.query(
      `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, '{}') RETURNING id`,
      [playbookId],
    );
    await db.query(
      `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, started_at)
       VALUES ($1, $2, $3, 1, now() - interval '1 hour')`,
      [leadId, playbookId, versionId],
    );
  });

  afterAll(() => db.destroy());

  it('finds nothing to change when the database already has this vocabulary', async () => {
    expect(await runMigrations(url)).toEqual({ applied: [], vocabularyChanged: false });
  });

  it('classes a new type and recounts stored events of a reclassified one, then goes back on the next run', async () => {
    await addEvent('e-form', 'form_submit');
    await addEvent('e-call-1', 'call_answered');
    await addEvent('e-reply', 'email_reply');
    expect(await counts()).toEqual({ replies: 1, meetings: 0, conversions: 0 });

    expect(await refreshEventVocabulary(db, CHANGED)).toBe(true);
    expect(await counts()).toEqual({ replies: 2, meetings: 1, conversions: 0 });
    await addEvent('e-call-2', 'call_answered');
    expect(
      await db.query(`SELECT channel, replies FROM dashboard_outcome_days WHERE replies > 0 ORDER BY channel`),
    ).toEqual([
      { channel: 'email', replies: 1 },
      { channel: 'whatsapp', replies: 2 },
    ]);
    const [{ id: playbookId }] = await db.query(`SELECT id FROM playbooks`);
    const [fixture] = await db.query(
      `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 2, '{}') RETURNING heard_event_types`,
      [playbookId],
    );
    expect(fixture.heard_event_types).toEqual(Object.keys(CHANGED));

    expect((await runMigrations(url)).vocabularyChanged).toBe(true);
    expect(await counts()).toEqual({ replies: 1, meetings: 0, conversions: 0 });
  });

  it("lets the lift query read each run's outcomes through the lead's events index, never a scan of all events", async () => {
    const sent: { sql: string; params: unknown[] }[] = [];
    await liftByPlaybook(
      { query: async (sql, params = []) => (sent.push({ sql, params }), []) },
      {
        from: new Date(0),
        to: new Date(),
      },
    );
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      // Tiny tables would be read whole anyway: forbid that, so the plan shows whether the index can serve.
      await client.query('SET enable_seqscan = off');
      const plan = await client.query(`EXPLAIN ${sent[0]!.sql}`, sent[0]!.params);
      const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toContain('using events_lead_idx on events');
      expect(text).not.toMatch(/Seq Scan on events\b/);
    } finally {
      await client.end();
    }
  });
});
