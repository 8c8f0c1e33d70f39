import { DataSource } from 'typeorm';
import { auditTrailOf } from '../testing/audit-trail';
import { startTestApi, TestApi } from '../testing/test-api';

// Issue 20, "Audit log": team creation, edits (holidays included) and who joins or leaves a team.
describe('teams in the audit log (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
  });
  afterAll(() => api?.close());

  const trail = (id: string) => auditTrailOf(api.app.get(DataSource), 'team', id);
  const admin = () => ({ kind: 'user', id: api.admin.id, label: api.admin.email });

  it('records a create and an edit with the team before and after; a refused one records nothing', async () => {
    expect((await api.request('POST', '/api/teams', { id: 'north', name: 'North' })).status).toBe(201);
    expect((await api.request('POST', '/api/teams', { id: 'north', name: 'Again' })).status).toBe(409);
    expect((await api.request('PATCH', '/api/teams/north', { name: 'North India' })).status).toBe(200);
    // The same name again changes nothing, so records nothing.
    expect((await api.request('PATCH', '/api/teams/north', { name: 'North India' })).status).toBe(200);
    expect((await api.request('PATCH', '/api/teams/nowhere', { name: 'X' })).status).toBe(404);
    expect(await trail('north')).toEqual([
      expect.objectContaining({
        action: 'team.created',
        actor: admin(),
        before: null,
        after: { id: 'north', name: 'North', managerId: null, calendar: null, holidays: [] },
      }),
      expect.objectContaining({
        action: 'team.updated',
        actor: admin(),
        before: expect.objectContaining({ name: 'North' }),
        after: expect.objectContaining({ name: 'North India' }),
      }),
    ]);
    expect(await trail('nowhere')).toEqual([]);
  });

  it("records holidays set by the team's manager as their edit", async () => {
    const manager = await api.createUser({ role: 'manager' });
    await api.request('POST', '/api/teams', { id: 'south', name: 'South', managerId: manager.id });
    const holidays = [{ date: '2026-10-02', name: 'Gandhi Jayanti' }];
    expect((await api.requestAs(manager, 'PUT', '/api/teams/south/holidays', { holidays })).status).toBe(200);
    expect((await trail('south')).at(-1)).toMatchObject({
      action: 'team.updated',
      actor: { kind: 'user', id: manager.id, label: manager.email },
      before: { holidays: [] },
      after: { holidays },
    });
  });

  it('records who joins and leaves a team on both teams, as well as on the user', async () => {
    await api.request('POST', '/api/teams', { id: 'east-in', name: 'East' });
    await api.request('POST', '/api/teams', { id: 'west-in', name: 'West' });
    const rep = await api.createUser({ role: 'rep', teamId: 'east-in' });
    expect((await api.request('PATCH', `/api/users/${rep.id}`, { teamId: 'west-in' })).status).toBe(200);
    // Another change of the same user is no membership change.
    expect((await api.request('PATCH', `/api/users/${rep.id}`, { capacity: 12 })).status).toBe(200);
    const member = { userId: rep.id };
    expect((await trail('east-in')).slice(1)).toEqual([
      expect.objectContaining({ action: 'team.memberAdded', actor: admin(), before: null, after: member }),
      expect.objectContaining({ action: 'team.memberRemoved', actor: admin(), before: member, after: null }),
    ]);
    expect((await trail('west-in')).slice(1)).toEqual([
      expect.objectContaining({ action: 'team.memberAdded', actor: admin(), before: null, after: member }),
    ]);
    const userTrail = await auditTrailOf(api.app.get(DataSource), 'user', rep.id);
    expect(userTrail.map((e) => [e.action, e.before?.teamId, e.after?.teamId])).toEqual([
      ['user.created', undefined, 'east-in'],
      ['user.updated', 'east-in', 'west-in'],
      ['user.updated', 'west-in', 'west-in'],
    ]);
  });
});
