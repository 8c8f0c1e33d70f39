import type { BusinessCalendar, Holiday, RepCalendarSource, WeekdayWindow, WeeklyHours } from '@segflow/sla';

/** The roles a user can have. `admin` passes every role check. */
export type UserRole = 'ops' | 'rep' | 'manager' | 'admin';

/** A user as `GET /api/users` returns it: never the password hash. `teamId` is a rep's team or a manager's (first) team. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  teamId: string | null;
  capacity: number | null;
  active: boolean;
  createdAt: string;
}

/** A rep's out-of-office period. */
export interface OutOfOffice {
  id: string;
  repId: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
}

/** Body of `POST /api/users/:id/out-of-office` (ISO instants; it must end after it starts, within a year). */
export interface OutOfOfficeRequest {
  startsAt: string;
  endsAt: string;
  note: string | null;
}

/** A rep's calendar settings and what they add up to (`GET /api/users/:id/calendar`). */
export interface RepCalendar {
  repId: string;
  teamId: string;
  workingHours: WeeklyHours | null;
  holidays: Holiday[];
  /** Inherited from the team, read-only here (`PUT /api/teams/:id/holidays`). */
  teamHolidays: Holiday[];
  /** Current and coming periods. */
  outOfOffice: OutOfOffice[];
  /** The hours business time is counted in; `null` when neither rep nor team has any (the SLA policy's apply). */
  effective: { source: RepCalendarSource; timeZone: string; week: WeekdayWindow[]; holidays: string[] } | null;
}

/** Body of `PUT /api/users/:id/calendar`: the rep's own hours (`null` = the team's apply) and own days off. */
export interface RepCalendarRequest {
  workingHours: WeeklyHours | null;
  holidays: Holiday[];
}

/** A team with its members (`GET /api/teams`). */
export interface TeamSummary {
  id: string;
  name: string;
  managerId: string | null;
  calendar: BusinessCalendar | null;
  /** Days off every member inherits. */
  holidays: Holiday[];
  members: { id: string; name: string; role: 'rep'; active: boolean }[];
}

/** Body of `PUT /api/teams/:id/holidays`. */
export interface TeamHolidaysRequest {
  holidays: Holiday[];
}

/** A notification of the signed-in user (`GET /api/notifications`), newest first. */
export interface UserNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}
