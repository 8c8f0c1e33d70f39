import { queryString, type DashboardSummaryQuery, type DashboardDimension } from '@segflow/api-contracts';
import { rangeQuery } from '../api/dashboards';
import type { DashboardFilters } from '../figures/dashboard-filters';

export const DIMENSION_LABELS: Record<DashboardDimension, string> = {
  segment: 'Segment',
  playbook: 'Playbook (version)',
  rep: 'Rep',
  channel: 'Channel',
};

/** The dashboard's controls; every change goes to the URL (see dashboard-filters.ts), which the page reads back. */
export function DashboardFiltersBar({
  filters,
  onChange,
}: {
  filters: DashboardFilters;
  onChange: (change: Partial<DashboardFilters>) => void;
}) {
  return (
    <div className="card dashboard__filters" role="group" aria-label="Filters">
      <label>
        From{' '}
        <input
          type="date"
          aria-label="From"
          value={filters.from}
          max={filters.to}
          onChange={(e) => e.target.value && onChange({ from: e.target.value })}
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          aria-label="To"
          value={filters.to}
          min={filters.from}
          onChange={(e) => e.target.value && onChange({ to: e.target.value })}
        />
      </label>
      <label>
        Group by
        <select
          aria-label="Group by"
          value={filters.groupBy}
          onChange={(e) => onChange({ groupBy: e.target.value as DashboardDimension })}
        >
          {Object.entries(DIMENSION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {filters.row && (
        <label>
          <input
            type="checkbox"
            checked={filters.breached}
            onChange={(e) => onChange({ breached: e.target.checked })}
          />{' '}
          Only breached leads
        </label>
      )}
      <a
        href={`/api/dashboards/summary.csv${queryString<DashboardSummaryQuery>({ ...rangeQuery(filters), groupBy: filters.groupBy })}`}
        download
      >
        Export CSV
      </a>
    </div>
  );
}
