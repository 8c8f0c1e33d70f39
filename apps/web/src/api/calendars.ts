import type { Holiday } from '@segflow/sla';
import type {
  OutOfOffice,
  OutOfOfficeRequest,
  RepCalendar,
  RepCalendarRequest,
  TeamHolidaysRequest,
  TeamSummary,
} from '@segflow/api-contracts';
import { requestJson } from './http';

export const getRepCalendar = (repId: string) => requestJson<RepCalendar>(`/api/users/${repId}/calendar`);
export const setRepCalendar = (repId: string, body: RepCalendarRequest) =>
  requestJson<RepCalendar>(`/api/users/${repId}/calendar`, { method: 'PUT', body });
export const addOutOfOffice = (repId: string, body: OutOfOfficeRequest) =>
  requestJson<OutOfOffice>(`/api/users/${repId}/out-of-office`, { method: 'POST', body });
export const removeOutOfOffice = (repId: string, periodId: string) =>
  requestJson<void>(`/api/users/${repId}/out-of-office/${periodId}`, { method: 'DELETE' });
export const listTeams = () => requestJson<TeamSummary[]>('/api/teams');
export const setTeamHolidays = (teamId: string, holidays: Holiday[]) =>
  requestJson<TeamSummary>(`/api/teams/${teamId}/holidays`, {
    method: 'PUT',
    body: { holidays } satisfies TeamHolidaysRequest,
  });
