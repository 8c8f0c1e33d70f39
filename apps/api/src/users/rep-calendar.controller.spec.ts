import { startTestApi, TestApi, TestUser } from '../testing/test-api';

const kolkataHours = {
  timeZone: 'Asia/Kolkata',
  week: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:30', end: '18:30' })),
};

describe('rep calendars: PUT/GET /api/users/:id/calendar and PUT /api/teams/:id/holidays (real Postgres)', () => {
  let api: TestApi;
  let westManager: TestUser;
  let eastManager: TestUser;
  let asha: TestUser;
  let bala: TestUser;
  let ops: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    westManager = await api.createUser({ role: 'manager' });
    eastManager = await api.createUser({ role: 'manager' });
    const newYork = {
      timeZone: 'America/New_York',
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
      holidays: ['2026-07-03'],
    };
    expect(
      (
        await api.request('POST', '/api/teams', {
          id: 'west',
          name: 'West',
          managerId: westManager.id,
          calendar: newYork,
        })
      ).status,
    ).toBe(201);
    expect(
      (await api.request('POST', '/api/teams', { id: 'east', name: 'East', managerId: eastManager.id })).status,
    ).toBe(201);
    asha = await api.createUser({ role: 'rep', teamId: 'west' });
    bala = await api.createUser({ role: 'rep', teamId: 'east' });
    ops = await api.createUser({ role: 'ops' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it("shows the team's hours until the rep sets their own, then the rep's own", async () => {
    const before = await api.requestAs(asha, 'GET', `/api/users/${asha.id}/calendar`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      repId: asha.id,
      teamId: 'west',
      workingHours: null,
      holidays: [],
      effective: { source: 'team', timeZone: 'America/New_York' },
    });

    const put = await api.requestAs(asha, 'PUT', `/api/users/${asha.id}/calendar`, {
      workingHours: kolkataHours,
      holidays: [{ date: '2026-10-20', name: 'Diwali' }],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      workingHours: kolkataHours,
      holidays: [{ date: '2026-10-20', name: 'Diwali' }],
      effective: { source: 'rep', timeZone: 'Asia/Kolkata' },
    });
    expect(put.body.effective.holidays.sort()).toEqual(['2026-07-03', '2026-10-20']);
  });

  it('lets the team manager and an admin set a rep calendar; a rep with no hours at all has none in effect', async () => {
    expect(
      (
        await api.requestAs(westManager, 'PUT', `/api/users/${asha.id}/calendar`, {
          workingHours: kolkataHours,
          holidays: [],
        })
      ).status,
    ).toBe(200);
    const east = await api.request('GET', `/api/users/${bala.id}/calendar`);
    expect(east.status).toBe(200);
    expect(east.body.effective).toBeNull();
    expect(
      (
        await api.request('PUT', `/api/users/${bala.id}/calendar`, {
          workingHours: null,
          holidays: [{ date: '2026-12-24' }],
        })
      ).body.holidays,
    ).toEqual([{ date: '2026-12-24', name: null }]);
  });

  it("inherits the team's holidays, set by its manager, and lists out-of-office periods", async () => {
    const set = await api.requestAs(westManager, 'PUT', '/api/teams/west/holidays', {
      holidays: [{ date: '2026-10-02', name: 'Gandhi Jayanti' }],
    });
    expect(set.status).toBe(200);
    expect(set.body.holidays).toEqual([{ date: '2026-10-02', name: 'Gandhi Jayanti' }]);
    const away = { startsAt: '2099-01-05T00:00:00Z', endsAt: '2099-01-09T00:00:00Z', note: 'Offsite' };
    expect((await api.requestAs(asha, 'POST', `/api/users/${asha.id}/out-of-office`, away)).status).toBe(201);
    const calendar = (await api.requestAs(asha, 'GET', `/api/users/${asha.id}/calendar`)).body;
    expect(calendar.teamHolidays).toEqual([{ date: '2026-10-02', name: 'Gandhi Jayanti' }]);
    expect(calendar.effective.holidays).toContain('2026-10-02');
    expect(calendar.outOfOffice).toEqual([
      expect.objectContaining({
        startsAt: '2099-01-05T00:00:00.000Z',
        endsAt: '2099-01-09T00:00:00.000Z',
        note: 'Offsite',
      }),
    ]);
  });

  it('bounds out-of-office periods: they end in the future and last at most MAX_OUT_OF_OFFICE_DAYS, else 400 naming the field', async () => {
    const day = 86_400_000;
    const iso = (daysFromNow: number) => new Date(Date.now() + daysFromNow * day).toISOString();
    const post = (startsAt: string, endsAt: string) =>
      api.requestAs(asha, 'POST', `/api/users/${asha.id}/out-of-office`, { startsAt, endsAt, note: null });
    const refusals: [string, string, RegExp][] = [
      [iso(-10), iso(-3), /future/],
      ['0000-01-01T00:00:00Z', '0000-01-05T00:00:00Z', /future/],
      [iso(1), iso(1 + 366), /365 days/],
      ['0000-01-01T00:00:00Z', iso(5), /365 days/],
    ];
    for (const [startsAt, endsAt, reason] of refusals) {
      const response = await post(startsAt, endsAt);
      expect([response.status, response.body.issues]).toEqual([
        400,
        [{ field: 'endsAt', reason: expect.stringMatching(reason) }],
      ]);
    }
    expect((await post(iso(-2), iso(3))).status).toBe(201);
    expect((await post(iso(10), iso(10 + 365))).status).toBe(201);
  });

  it('answers 401 without credentials and 403 to another rep, ops, or the manager of another team', async () => {
    const body = { workingHours: kolkataHours, holidays: [] };
    expect((await api.requestAs('anonymous', 'GET', `/api/users/${asha.id}/calendar`)).status).toBe(401);
    expect((await api.requestAs('anonymous', 'PUT', `/api/users/${asha.id}/calendar`, body)).status).toBe(401);
    expect((await api.requestAs('anonymous', 'PUT', '/api/teams/west/holidays', { holidays: [] })).status).toBe(401);
    expect((await api.requestAs(bala, 'GET', `/api/users/${asha.id}/calendar`)).status).toBe(403);
    expect((await api.requestAs(bala, 'PUT', `/api/users/${asha.id}/calendar`, body)).status).toBe(403);
    expect((await api.requestAs(ops, 'PUT', `/api/users/${asha.id}/calendar`, body)).status).toBe(403);
    expect((await api.requestAs(eastManager, 'PUT', `/api/users/${asha.id}/calendar`, body)).status).toBe(403);
    expect((await api.requestAs(asha, 'PUT', '/api/teams/west/holidays', { holidays: [] })).status).toBe(403);
    expect((await api.requestAs(eastManager, 'PUT', '/api/teams/west/holidays', { holidays: [] })).status).toBe(403);
    expect((await api.requestAs(ops, 'PUT', '/api/teams/west/holidays', { holidays: [] })).status).toBe(403);
  });

  it('rejects bad calendars with 400 naming the field and the reason', async () => {
    const overlapping = {
      ...kolkataHours,
      week: [
        { day: 1, start: '09:00', end: '13:00' },
        { day: 1, start: '12:00', end: '18:00' },
      ],
    };
    const cases: [string, unknown, string][] = [
      [`/api/users/${asha.id}/calendar`, { workingHours: overlapping, holidays: [] }, 'workingHours.week.1.start'],
      [
        `/api/users/${asha.id}/calendar`,
        { workingHours: { ...kolkataHours, timeZone: 'Asia/Atlantis' }, holidays: [] },
        'workingHours.timeZone',
      ],
      [
        `/api/users/${asha.id}/calendar`,
        { workingHours: { ...kolkataHours, week: [{ day: 1, start: '18:00', end: '09:00' }] }, holidays: [] },
        'workingHours.week.0.end',
      ],
      [`/api/users/${asha.id}/calendar`, { workingHours: null, holidays: [{ date: '2026-02-30' }] }, 'holidays.0.date'],
      ['/api/teams/west/holidays', { holidays: [{ date: '2026-10-02' }, { date: '2026-10-02' }] }, 'holidays.1.date'],
    ];
    for (const [url, body, field] of cases) {
      const response = await api.request('PUT', url, body);
      expect(response.status).toBe(400);
      expect(response.body.issues).toEqual([expect.objectContaining({ field, reason: expect.any(String) })]);
    }
    expect((await api.request('PUT', '/api/teams/nowhere/holidays', { holidays: [] })).status).toBe(404);
  });
});
