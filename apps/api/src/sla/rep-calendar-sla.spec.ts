import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';
import { UsersService } from '../users/users.service';
import { SlaMonitorService } from './sla-monitor.service';

// Hand-computed fixture: a 60-business-minute policy (its own calendar: London 09:00–17:00); leads enter on
// Thursday 2026-10-01 at 12:30Z = 18:00 IST = 08:30 EDT. Asha works 09:30–18:30 in Kolkata and her team takes
// Friday 2026-10-02 off; Ben has no own hours, so his team's New York 09:00–17:00 applies.
const londonPolicyCalendar = {
  timeZone: 'Europe/London',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
};
const newYork = {
  timeZone: 'America/New_York',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
};
const kolkataHours = {
  timeZone: 'Asia/Kolkata',
  week: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:30', end: '18:30' })),
};
const entered = new Date('2026-10-01T12:30:00Z');
const at = (iso: string) => new Date(iso);

describe("SLA due times follow the owning rep's calendar (real Postgres)", () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let monitor: SlaMonitorService;
  let asha: TestUser;
  let ben: TestUser;
  const leads: Record<'asha' | 'ben' | 'moved' | 'wall', string> = { asha: '', ben: '', moved: '', wall: '' };

  const dueAt = async (leadId: string): Promise<string> =>
    (await fx.db.query(`SELECT due_at FROM sla_clocks WHERE lead_id = $1`, [leadId])).rows[0].due_at.toISOString();
  const breached = async (): Promise<string[]> =>
    (await fx.db.query(`SELECT lead_id FROM sla_clocks WHERE breached_at IS NOT NULL`)).rows
      .map((r) => r.lead_id)
      .sort();

  beforeAll(async () => {
    // The interval check would run at the real time; the test drives the check with its own clock instead.
    api = await startTestApi({ SLA_CHECK_INTERVAL_MS: '3600000' });
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    monitor = api.app.get(SlaMonitorService);
    expect((await api.request('POST', '/api/teams', { id: 'pune', name: 'Pune' })).status).toBe(201);
    expect((await api.request('POST', '/api/teams', { id: 'nyc', name: 'NYC', calendar: newYork })).status).toBe(201);
    expect(
      (
        await api.request('PUT', '/api/teams/pune/holidays', {
          holidays: [{ date: '2026-10-02', name: 'Gandhi Jayanti' }],
        })
      ).status,
    ).toBe(200);
    asha = await api.createUser({ role: 'rep', teamId: 'pune' });
    ben = await api.createUser({ role: 'rep', teamId: 'nyc' });
    expect(
      (await api.requestAs(asha, 'PUT', `/api/users/${asha.id}/calendar`, { workingHours: kolkataHours, holidays: [] }))
        .status,
    ).toBe(200);

    const business = await fx.segment('Hot');
    const wall = await fx.segment('Warm');
    expect(
      (
        await api.request('POST', '/api/sla/policies', {
          segmentId: business,
          firstTouchWithinMinutes: 60,
          clock: 'business',
          calendar: londonPolicyCalendar,
        })
      ).status,
    ).toBe(201);
    expect(
      (await api.request('POST', '/api/sla/policies', { segmentId: wall, firstTouchWithinMinutes: 60, clock: 'wall' }))
        .status,
    ).toBe(201);
    leads.asha = await fx.lead({ ownerId: asha.id });
    leads.ben = await fx.lead({ ownerId: ben.id });
    leads.moved = await fx.lead({ ownerId: ben.id });
    leads.wall = await fx.lead({ ownerId: asha.id });
    for (const lead of [leads.asha, leads.ben, leads.moved]) await fx.enter(lead, business, entered);
    await fx.enter(leads.wall, wall, entered);
  });

  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('gives two reps different due times for the same policy; the holiday pushes one to the next working day', async () => {
    expect(await monitor.tick(at('2026-10-01T13:20:00Z'))).toMatchObject({ clocksOpened: 4, breaches: 0 });
    // Asha: 30 min left on Thursday, Friday is the team holiday, so Monday 09:30 + 30 min = 10:00 IST.
    expect(await dueAt(leads.asha)).toBe('2026-10-05T04:30:00.000Z');
    // Ben: New York opens at 09:00 EDT, + 60 min (the policy's London calendar would say 13:30Z).
    expect(await dueAt(leads.ben)).toBe('2026-10-01T14:00:00.000Z');
    expect(await dueAt(leads.moved)).toBe('2026-10-01T14:00:00.000Z');
    // A wall clock ignores every calendar.
    expect(await dueAt(leads.wall)).toBe('2026-10-01T13:30:00.000Z');
  });

  it('recounts the due time when the lead is reassigned to a rep with another calendar', async () => {
    const task = await fx.task({ leadId: leads.moved, assigneeId: ben.id, createdAt: entered });
    expect((await api.request('POST', `/api/inbox/tasks/${task}/reassign`, { repId: asha.id })).status).toBe(204);
    await monitor.tick(at('2026-10-01T13:25:00Z'));
    expect(await dueAt(leads.moved)).toBe('2026-10-05T04:30:00.000Z');
  });

  it("flags no breach while the rep is out of hours: only Ben's lead (and the wall clock) breach over the weekend", async () => {
    expect(await monitor.tick(at('2026-10-03T12:00:00Z'))).toMatchObject({ breaches: 2 });
    expect(await breached()).toEqual([leads.ben, leads.wall].sort());
  });

  it("moves the due time past an out-of-office period added later, and breaches once the rep's time is up", async () => {
    // Asha is away all of Monday (Kolkata time), added on Sunday by the test's clock (the API refuses periods in its past).
    const away = { startsAt: at('2026-10-04T18:30:00Z'), endsAt: at('2026-10-05T18:30:00Z'), note: null };
    const ashaAsActor = { id: asha.id, email: asha.email, name: 'Asha', role: asha.role, teamId: 'pune' };
    await api.app.get(UsersService).addOutOfOfficeOrThrow(ashaAsActor, asha.id, away, at('2026-10-04T12:00:00Z'));
    expect(await monitor.tick(at('2026-10-05T05:00:00Z'))).toMatchObject({ breaches: 0 });
    expect(await dueAt(leads.asha)).toBe('2026-10-06T04:30:00.000Z');
    expect(await dueAt(leads.moved)).toBe('2026-10-06T04:30:00.000Z');
    expect(await monitor.tick(at('2026-10-06T04:31:00Z'))).toMatchObject({ breaches: 2 });
  });
});
