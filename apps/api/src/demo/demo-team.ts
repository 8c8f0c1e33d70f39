import { randomBytes } from 'node:crypto';
import { matchTerritory, type TerritoryRule } from '@segflow/routing';
import { toWorkingCalendar, type BusinessCalendar } from '@segflow/sla';
import { SYSTEM_ACTOR } from '@segflow/stores';
import type { Role } from '../auth/roles';
import { TeamsService } from '../teams/teams.service';
import { RepCalendarService } from '../users/rep-calendar.service';
import { UsersService } from '../users/users.service';

/** A demo user's sign-in, returned only when the seed created the user (the password is not stored anywhere else). */
export interface DemoCredential {
  email: string;
  name: string;
  role: Role;
  /** Team names: the rep's team, or the teams a manager leads. */
  teams: string[];
  password: string;
}

/** What {@link seedDemoTeam} did. */
export interface DemoTeamSummary {
  /** Teams created now (existing ones are left alone). */
  teamsCreated: number;
  /** Users created now, with their passwords. */
  created: DemoCredential[];
  /** Active rep ids per team id, existing reps included (for owners and route rules). */
  repsByTeam: Map<string, string[]>;
}

const INDIAN_HOLIDAYS = ['2026-01-26', '2026-03-04', '2026-08-15', '2026-10-02', '2026-11-09', '2027-01-26'];
const UK_HOLIDAYS = ['2026-12-25', '2026-12-28', '2027-01-01'];

/** Indian inside sales works six days; the international desk keeps London hours, with Dubai and Austin on their own. */
export const DEMO_CALENDARS = {
  india: {
    timeZone: 'Asia/Kolkata',
    workingHours: { days: [1, 2, 3, 4, 5, 6], start: '09:30', end: '18:30' },
    holidays: INDIAN_HOLIDAYS,
  },
  london: {
    timeZone: 'Europe/London',
    workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' },
    holidays: UK_HOLIDAYS,
  },
  dubai: {
    timeZone: 'Asia/Dubai',
    workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
    holidays: [],
  },
  austin: {
    timeZone: 'America/Chicago',
    workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
    holidays: ['2026-11-26', '2026-12-25'],
  },
} satisfies Record<string, BusinessCalendar>;

const DEMO_DOMAIN = 'segflow.local';
const MANAGER = { email: `meera.kulkarni@${DEMO_DOMAIN}`, name: 'Meera Kulkarni' };
const TEAMS = [
  { id: 'india', name: 'India inside sales', calendar: DEMO_CALENDARS.india },
  { id: 'international', name: 'International', calendar: DEMO_CALENDARS.london },
];
// A rep without a calendar works the team's hours.
const REPS = [
  { email: `ananya.iyer@${DEMO_DOMAIN}`, name: 'Ananya Iyer', teamId: 'india', calendar: null },
  { email: `rohan.mehta@${DEMO_DOMAIN}`, name: 'Rohan Mehta', teamId: 'india', calendar: null },
  { email: `kavya.reddy@${DEMO_DOMAIN}`, name: 'Kavya Reddy', teamId: 'india', calendar: null },
  { email: `oliver.brown@${DEMO_DOMAIN}`, name: 'Oliver Brown', teamId: 'international', calendar: null },
  { email: `omar.khan@${DEMO_DOMAIN}`, name: 'Omar Khan', teamId: 'international', calendar: DEMO_CALENDARS.dubai },
  {
    email: `noah.garcia@${DEMO_DOMAIN}`,
    name: 'Noah Garcia',
    teamId: 'international',
    calendar: DEMO_CALENDARS.austin,
  },
];

/**
 * Who takes a demo lead: Indian leads go to the India team; everyone else, and Indian leads while India is out of
 * hours (follow the sun), to the international desk.
 */
export const DEMO_ROUTE_RULE: TerritoryRule = {
  kind: 'territory',
  rules: [
    { country: 'IN', teamId: 'india' },
    ...['GB', 'AE', 'SG', 'US'].map((country) => ({ country, teamId: 'international' })),
  ],
  fallbackTeamId: 'international',
};

/** The demo team a lead belongs to by territory (the route rule's first choice, before availability). */
export function demoTeamOf(lead: { city?: string; country?: string }): string {
  return matchTerritory(DEMO_ROUTE_RULE, lead).teamId;
}

/** A rep's own hours and days off, in the shape `PUT /users/:id/calendar` takes. */
function ownCalendar(calendar: BusinessCalendar) {
  const { timeZone, week } = toWorkingCalendar(calendar);
  return { workingHours: { timeZone, week }, holidays: calendar.holidays.map((date) => ({ date, name: null })) };
}

const newPassword = () => randomBytes(12).toString('base64url');

/**
 * Creates the demo sales org through the users and teams services: a manager leading two teams with working hours
 * (India inside sales, International) and six reps. Idempotent: users found by email and teams found by id are
 * left alone, so a second call creates nothing and returns no credentials.
 */
export async function seedDemoTeam(services: {
  teams: TeamsService;
  users: UsersService;
  calendars: RepCalendarService;
}): Promise<DemoTeamSummary> {
  const existingUsers = new Map((await services.users.list({})).map((u) => [u.email, u]));
  const created: DemoCredential[] = [];
  const teamNames = TEAMS.map((t) => t.name);
  let manager = existingUsers.get(MANAGER.email);
  if (!manager) {
    const password = newPassword();
    manager = await services.users.createOrThrow(
      { ...MANAGER, role: 'manager', password, teamId: null, capacity: null },
      SYSTEM_ACTOR,
    );
    created.push({ ...MANAGER, role: 'manager', teams: teamNames, password });
  }
  const existingTeams = new Set((await services.teams.list()).map((t) => t.id));
  const missingTeams = TEAMS.filter((t) => !existingTeams.has(t.id));
  for (const team of missingTeams) await services.teams.createOrThrow({ ...team, managerId: manager.id }, SYSTEM_ACTOR);
  const managerActor = {
    id: manager.id,
    email: manager.email,
    name: manager.name,
    role: 'manager' as const,
    teamId: null,
  };
  for (const { calendar, ...rep } of REPS.filter((r) => !existingUsers.has(r.email))) {
    const password = newPassword();
    const user = await services.users.createOrThrow({ ...rep, role: 'rep', password, capacity: 40 }, SYSTEM_ACTOR);
    if (calendar) await services.calendars.setOrThrow(managerActor, user.id, ownCalendar(calendar));
    created.push({
      email: rep.email,
      name: rep.name,
      role: 'rep',
      teams: [TEAMS.find((t) => t.id === rep.teamId)!.name],
      password,
    });
  }
  const repsByTeam = new Map<string, string[]>();
  for (const rep of await services.users.list({ role: 'rep' })) {
    if (rep.active && rep.teamId) repsByTeam.set(rep.teamId, [...(repsByTeam.get(rep.teamId) ?? []), rep.id]);
  }
  return { teamsCreated: missingTeams.length, created, repsByTeam };
}
