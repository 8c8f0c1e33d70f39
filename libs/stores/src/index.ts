export * from './queryable';
// st-people: users, reps, teams, sessions, api_keys, sign_in_attempts, sla_policies, out_of_office, dashboards
export * from './sign-in-attempts.store';
export * from './users.store';
export * from './sessions.store';
export * from './api-keys.store';
export * from './reps.store';
export * from './teams.store';
export * from './out-of-office.store';
export * from './rep-calendars.store';
export * from './sla-policies.store';
export * from './dashboards.store';
export * from './delivery.store';
