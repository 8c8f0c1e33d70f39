import type { Playbook, PlaybookSettings } from '@segflow/playbook';
import { buildPlaybook } from '@segflow/playbook/testing';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../apps/api/src/testing/test-api';
import { publishPlaybook, runWhen, startInProcessWorker, TIME_SCALE } from './support/playbook-runs';

/**
 * A fixed-offset zone whose local time is between 12:00 and 13:00 right now, so a lead-local day cannot roll over
 * while a test runs (interpreter time runs TIME_SCALE times faster: a minute of test is an hour of run).
 */
function noonZone(now = new Date()): { zone: string; offsetHours: number } {
  const offsetHours = 12 - now.getUTCHours();
  const zone = offsetHours === 0 ? 'Etc/GMT' : offsetHours > 0 ? `Etc/GMT-${offsetHours}` : `Etc/GMT+${-offsetHours}`;
  return { zone, offsetHours };
}

const sender = { kind: 'fixed', name: 'Segflow', address: 'hi@segflow.test' } as const;
// Quiet 02:00–03:00 local: outside the noon zone's now, and overriding the workspace default.
const settings: Partial<PlaybookSettings> = {
  reentry: { policy: 'always' },
  quietHours: { start: '02:00', end: '03:00' },
  maxTouchesPerDay: null,
};
const emailOnce = (extra: Partial<PlaybookSettings> = {}): Playbook =>
  buildPlaybook({
    settings: { ...settings, ...extra },
    nodes: [
      {
        id: 'intro',
        type: 'send',
        config: { channel: 'email', subject: 'Hello', body: 'Hi {{lead.firstName}}', sender, onFailure: 'skip' },
      },
      { id: 'done', type: 'exit', config: { reason: 'sequence-done' } },
    ],
    edges: ['entry.next->intro', 'intro.next->done'],
  });
/** The notes on the send node's path entries (skips and deferrals). */
const notesOf = (run: { path: Array<{ nodeId: string; note?: string }> }) =>
  run.path.filter((p) => p.nodeId === 'intro' && p.note).map((p) => p.note!);

// Issue 16, "Consent that holds": stored consent and suppressions outlive the run that heard them; the daily cap
// holds across runs; workspace quiet hours defer — through the API, a real worker, Temporal and Postgres.
describe('consent across runs (API + worker + Temporal + Postgres)', () => {
  const { zone, offsetHours } = noonZone();
  let api: TestApi;
  let db: DataSource;
  let worker: { stop(): Promise<void> };
  beforeAll(async () => {
    api = await startTestApi({
      PLAYBOOK_TIME_SCALE: TIME_SCALE,
      OUTBOX_POLL_MS: '50',
      QUIET_HOURS_DEFAULT: '11:00-15:00',
    });
    db = api.app.get(DataSource);
    worker = await startInProcessWorker(api);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  async function lead(externalId: string, email: string): Promise<string> {
    const created = await api.request('POST', '/api/leads', {
      externalId,
      name: 'Asha Rao',
      email,
      timezone: zone,
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }
  async function enrol(leadId: string, playbookId: string): Promise<string> {
    const run = await api.request('POST', '/api/runs', { leadId, playbookId });
    expect(run.status).toBe(201);
    return run.body.id;
  }
  const event = (eventId: string, leadExternalId: string, type: string, extra: Record<string, unknown>) =>
    api.request('POST', '/api/events', {
      events: [{ eventId, leadExternalId, type, occurredAt: new Date().toISOString(), ...extra }],
    });

  it('a lead who unsubscribed from email is never emailed by a later run of another playbook', async () => {
    const leadId = await lead('c-unsub', 'asha@suratsilks.test');
    await event('c-unsub-1', 'c-unsub', 'unsubscribe', { channel: 'email' });
    // Re-importing the lead with consent true changes nothing.
    await api.request('POST', '/api/leads', {
      externalId: 'c-unsub',
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    const ended = await runWhen(
      api,
      await enrol(leadId, await publishPlaybook(api, emailOnce(), 'Second playbook')),
      (r) => r.status !== 'active',
    );
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'sequence-done' });
    expect(notesOf(ended)).toEqual(['skipped:unsubscribed:email']);
    expect(ended.touches).toEqual([]);
  });

  it('an address hard-bounced as one lead is skipped for another lead with that address', async () => {
    await lead('c-bounced', 'gone@suratsilks.test');
    await event('c-bounce-1', 'c-bounced', 'email_bounce', { properties: { bounceType: 'hard' } });
    const other = await lead('c-same-address', 'Gone@SuratSilks.test');
    const ended = await runWhen(
      api,
      await enrol(other, await publishPlaybook(api, emailOnce(), 'After bounce')),
      (r) => r.status !== 'active',
    );
    expect(notesOf(ended)).toEqual(['skipped:unsubscribed:email']);
    expect(ended.touches).toEqual([]);
  });

  it('maxTouchesPerDay holds for the lead across two concurrent runs: the second touch waits for the next local day', async () => {
    const leadId = await lead('c-cap', 'cap@suratsilks.test');
    const [first, second] = await Promise.all([
      publishPlaybook(api, emailOnce({ maxTouchesPerDay: 1 }), 'Capped one'),
      publishPlaybook(api, emailOnce({ maxTouchesPerDay: 1 }), 'Capped two'),
    ]);
    const runIds = await Promise.all([enrol(leadId, first), enrol(leadId, second)]);
    const runs = await Promise.all(
      runIds.map((id) =>
        runWhen(api, id, (r) => r.status !== 'active' || notesOf(r).some((n) => n.startsWith('deferred:dailyCap'))),
      ),
    );
    const sent = runs.find((r) => r.status !== 'active');
    const deferred = runs.find((r) => r.status === 'active');
    expect(sent).toMatchObject({
      status: 'exited',
      touches: [expect.objectContaining({ nodeId: 'intro', status: 'sent' })],
    });
    expect(deferred).toMatchObject({ status: 'active', currentNodeId: 'intro', touches: [] });
    // Deferred to the lead's next local midnight.
    const until = new Date(notesOf(deferred)[0]!.slice('deferred:dailyCap:'.length));
    expect([until.getUTCHours(), until.getUTCMinutes()]).toEqual([(24 - offsetHours) % 24, 0]);
    expect(await db.query(`SELECT n FROM lead_touch_days WHERE lead_id = $1`, [leadId])).toEqual([{ n: 1 }]);
  });

  it('a playbook without quiet hours defers under the workspace default (QUIET_HOURS_DEFAULT) in the lead zone', async () => {
    const leadId = await lead('c-quiet', 'quiet@suratsilks.test');
    const runId = await enrol(
      leadId,
      await publishPlaybook(api, emailOnce({ quietHours: null }), 'No quiet hours of its own'),
    );
    const run = await runWhen(api, runId, (r) => notesOf(r).length > 0);
    expect(run).toMatchObject({ status: 'active', currentNodeId: 'intro', touches: [] });
    const until = new Date(notesOf(run)[0]!.slice('deferred:quietHours:'.length));
    expect(notesOf(run)[0]).toMatch(/^deferred:quietHours:/);
    expect([until.getUTCHours(), until.getUTCMinutes()]).toEqual([(15 - offsetHours + 24) % 24, 0]);
  });
});
