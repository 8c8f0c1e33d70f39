import type { BusinessCalendar } from '@segflow/sla';
import type { Client } from 'pg';
import { connectWithLeads } from '../../../apps/api/src/testing/plan-scans';
import { rowsOf, type Queryable } from './queryable';
import { findRep, upsertRep, setRepCalendar } from './reps.store';
import { findTeam, insertTeam, listTeamsWithMembers, updateTeam } from './teams.store';

const calendar: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:30', end: '18:30' },
  holidays: [],
};

describe('teams and reps stores (real Postgres)', () => {
  let client: Client;
  let db: Queryable;

  beforeAll(async () => {
    client = await connectWithLeads('teams_store', 0);
    db = rowsOf(client);
  });
  afterAll(() => client?.end());

  it('insertTeam answers undefined for a taken id and leaves the first team as it was', async () => {
    expect(await insertTeam(db, { id: 'west', name: 'West', managerId: null, calendar })).toEqual({
      id: 'west',
      name: 'West',
      managerId: null,
      calendar,
      holidays: [],
    });
    expect(await insertTeam(db, { id: 'west', name: 'Other', managerId: null, calendar: null })).toBeUndefined();
    expect((await findTeam(db, 'west'))?.name).toBe('West');
  });

  it('updateTeam keeps what is not given, clears what is given as null, and tells when there is no team', async () => {
    await insertTeam(db, { id: 'east', name: 'East', managerId: null, calendar });
    expect(await updateTeam(db, 'east', { name: 'East 2' })).toBe(true);
    expect(await findTeam(db, 'east')).toMatchObject({ name: 'East 2', calendar });
    expect(await updateTeam(db, 'east', { calendar: null })).toBe(true);
    expect(await findTeam(db, 'east')).toMatchObject({ name: 'East 2', calendar: null });
    expect(await updateTeam(db, 'nowhere', { name: 'x' })).toBe(false);
  });

  it("upsertRep replaces the routing fields and keeps the rep's own calendar", async () => {
    const rep = { id: 'r1', userId: null, name: 'Asha', email: 'asha@x.in', teamId: 'west', active: true, capacity: 5 };
    await upsertRep(db, rep);
    await setRepCalendar(db, 'r1', { workingHours: null, holidays: [{ date: '2026-01-26', name: 'Republic Day' }] });
    await upsertRep(db, { ...rep, teamId: 'east', active: false, capacity: null });
    expect(await findRep(db, 'r1')).toEqual({ ...rep, teamId: 'east', active: false, capacity: null });
    const [{ holidays }] = (await client.query(`SELECT holidays FROM reps WHERE id = 'r1'`)).rows;
    expect(holidays).toEqual([{ date: '2026-01-26', name: 'Republic Day' }]);
    expect((await listTeamsWithMembers(db)).map((t) => [t.id, t.members.map((m) => m.id)])).toEqual([
      ['east', ['r1']],
      ['west', []],
    ]);
  });
});
