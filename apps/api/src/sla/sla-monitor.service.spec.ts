import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi } from '../testing/test-api';

const calendar = { timeZone: 'Europe/London', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }, holidays: [] };

describe('SlaMonitorService with a business clock (real Postgres)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  beforeAll(async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
  });
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('counts only working time: a Saturday entry is due Monday, and a Monday touch is a short business TTFT', async () => {
    // The latest Saturday before today (inside the monitor's 7-day window); its Monday may be today or tomorrow,
    // which does not matter: the task's timestamps are data here, not the monitor's clock.
    const saturday = new Date();
    saturday.setUTCDate(saturday.getUTCDate() - (((saturday.getUTCDay() + 1) % 7) || 7));
    saturday.setUTCHours(11, 0, 0, 0);
    const monday = new Date(saturday.getTime() + 2 * 86_400_000);
    const mondayAt = (hhmm: string) => new Date(`${monday.toISOString().slice(0, 10)}T${hhmm}:00Z`);
    const segmentId = await fx.segment('Weekend');
    const policy = await api.request('POST', '/api/sla/policies', { segmentId, firstTouchWithinMinutes: 60, clock: 'business', calendar });
    expect(policy.status).toBe(201);
    const leadId = await fx.lead();
    await fx.enter(leadId, segmentId, saturday);
    await fx.task({ leadId, assigneeId: null, createdAt: mondayAt('09:10'), closedAt: mondayAt('09:30') });
    expect((await api.request('POST', '/api/sla/check')).body).toMatchObject({ clocksOpened: 1, firstTouches: 1, breaches: 0 });
    const { rows } = await fx.db.query(`SELECT due_at, ttft_ms, human_delay_ms, system_delay_ms FROM sla_clocks WHERE lead_id = $1`, [leadId]);
    // London is on GMT in winter and BST in summer; either way due = Monday opening + 60 working minutes.
    const opening = new Date(rows[0].due_at.getTime() - 60 * 60_000);
    expect(opening.toISOString().slice(0, 10)).toBe(monday.toISOString().slice(0, 10));
    expect(rows[0].ttft_ms).toBe(30 * 60_000 - (opening.getTime() - mondayAt('09:00').getTime()));
    expect(rows[0].human_delay_ms).toBe(20 * 60_000);
  });
});
