import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi } from '../testing/test-api';
import { SlaMonitorService } from './sla-monitor.service';

const calendar = {
  timeZone: 'Europe/London',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
};

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
    // A fixed Saturday in winter (London on GMT) and a monitor clock two days later: nothing here reads today.
    const saturday = new Date('2026-11-28T11:00:00Z');
    const checkedAt = new Date('2026-11-30T12:00:00Z');
    const monday = new Date(saturday.getTime() + 2 * 86_400_000);
    const mondayAt = (hhmm: string) => new Date(`${monday.toISOString().slice(0, 10)}T${hhmm}:00Z`);
    const segmentId = await fx.segment('Weekend');
    const policy = await api.request('POST', '/api/sla/policies', {
      segmentId,
      firstTouchWithinMinutes: 60,
      clock: 'business',
      calendar,
    });
    expect(policy.status).toBe(201);
    const leadId = await fx.lead();
    await fx.enter(leadId, segmentId, saturday);
    await fx.task({ leadId, assigneeId: null, createdAt: mondayAt('09:10'), closedAt: mondayAt('09:30') });
    expect(await api.app.get(SlaMonitorService).tick(checkedAt)).toMatchObject({
      clocksOpened: 1,
      firstTouches: 1,
      breaches: 0,
    });
    const { rows } = await fx.db.query(
      `SELECT due_at, ttft_ms, human_delay_ms, system_delay_ms FROM sla_clocks WHERE lead_id = $1`,
      [leadId],
    );
    // Due = Monday's opening (09:00 GMT) + 60 working minutes; the touch at 09:30 is 30 business minutes in.
    expect(rows[0].due_at.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(rows[0].ttft_ms).toBe(30 * 60_000);
    expect(rows[0].human_delay_ms).toBe(20 * 60_000);
  });
});
