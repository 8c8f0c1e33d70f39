import type { Holiday, RepCalendarSource, WeekdayWindow, WeeklyHours } from '@segflow/sla';
import { requestJson } from './http';

/** A rep's calendar as `GET /api/users/:id/calendar` returns it. */
export interface RepCalendar {
  repId: string;
  teamId: string;
  workingHours: WeeklyHours | null;
  holidays: Holiday[];
  teamHolidays: Holiday[];
  outOfOffice: { id: string; startsAt: string; endsAt: string; note: string | null }[];
  effective: { source: RepCalendarSource; timeZone: string; week: WeekdayWindow[]; holidays: string[] } | null;
}

export interface TeamSummary {
  id: string;
  name: string;
  managerId: string | null;
  holidays: Holiday[];
  members: { id: string; name: string }[];
}

export const getRepCalendar = (repId: string) => requestJson<RepCalendar>(`/api/users/${repId}/calendar`);
export const setRepCalendar = (repId: string, body: { workingHours: WeeklyHours | null; holidays: Holiday[] }) =>
  requestJson<RepCalendar>(`/api/users/${repId}/calendar`, { method: 'PUT', body });
export const addOutOfOffice = (repId: string, body: { startsAt: string; endsAt: string; note: string | null }) =>
  requestJson(`/api/users/${repId}/out-of-office`, { method: 'POST', body });
export const removeOutOfOffice = (repId: string, periodId: string) =>
  requestJson<void>(`/api/users/${repId}/out-of-office/${periodId}`, { method: 'DELETE' });
export const listTeams = () => requestJson<TeamSummary[]>('/api/teams');
export const setTeamHolidays = (teamId: string, holidays: Holiday[]) =>
  requestJson<TeamSummary>(`/api/teams/${teamId}/holidays`, { method: 'PUT', body: { holidays } });
