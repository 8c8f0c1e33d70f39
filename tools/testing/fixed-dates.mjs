// The time-dependent specs run once more at each of these instants (SEGFLOW_TEST_NOW, tools/testing/fixed-now.ts),
// so no test depends on the day it runs: a spec that reads the clock must pass on any of them.
export const FIXED_DATES = [
  { name: 'weekday morning', now: '2026-06-17T09:15:00Z' },
  { name: 'Saturday evening', now: '2026-11-14T18:45:00Z' },
  // Half an hour before the clocks change, so what spans an hour crosses the change.
  { name: 'DST change Europe/London', now: '2026-03-29T00:30:00Z' },
  { name: 'DST change America/New_York', now: '2026-11-01T05:30:00Z' },
  { name: 'year end', now: '2026-12-31T23:30:00Z' },
];

// Specs whose subject reads the clock (sessions, the SLA monitor, dashboard ranges, why-now) against real PostgreSQL,
// whose now() stays real: only JavaScript's clock moves, so the code under them must keep to one clock. The
// libraries read no clock (they take `now`), so their specs would gain nothing here.
export const TIME_DEPENDENT_SPECS = [
  'apps/api/src/sla/',
  'apps/api/src/dashboards/dashboards.controller.spec.ts',
  'apps/api/src/dashboards/whole-days.spec.ts',
  'apps/api/src/inbox/why-now.spec.ts',
];
