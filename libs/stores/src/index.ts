export * from './queryable';
// st-people: users, reps, teams, sessions, api_keys, sign_in_attempts, sla_policies, out_of_office, dashboards
export * from './sign-in-attempts.store';
