import { queryString, type DashboardDrillDownQuery } from '@segflow/api-contracts';
import { rangeQuery } from './dashboards';

describe('rangeQuery', () => {
  it('includes the whole last day; queryString leaves unset parameters out', () => {
    const query = new URLSearchParams(
      queryString<DashboardDrillDownQuery>({
        ...rangeQuery({ from: '2026-03-01', to: '2026-03-31' }),
        groupBy: 'rep',
        key: undefined,
      }),
    );
    expect(query.get('from')).toBe('2026-03-01T00:00:00Z');
    expect(query.get('to')).toBe('2026-04-01T00:00:00.000Z');
    expect(query.get('groupBy')).toBe('rep');
    expect(query.has('key')).toBe(false);
  });
});
