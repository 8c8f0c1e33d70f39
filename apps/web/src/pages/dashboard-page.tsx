import './inbox.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  fetchDelivery,
  fetchDrillDown,
  fetchLift,
  fetchNotifications,
  fetchSplitArms,
  fetchSummary,
  fetchTrend,
  markNotificationRead,
  rangeQuery,
} from '../api/dashboards';
import { channelDeliveryLines } from '../figures/delivery-figures';
import {
  changeDashboardFilters,
  dashboardSearch,
  readDashboardFilters,
  type DashboardFilters,
} from '../figures/dashboard-filters';
import { armSeries, summarySeries, trendBucketFor, trendSeries } from '../figures/dashboard-series';
import { formatMinutes, formatRate } from '../figures/format';
import { queryKeys } from '../query/keys';
import { ArmComparisonTable } from './arm-comparison-table';
import {
  ArmIntervalsChart,
  BreachesByRowChart,
  EntriesTrendChart,
  OutcomesByRowChart,
  TtftByRowChart,
  TtftTrendChart,
} from './dashboard-charts';
import { DrillDownTable } from './dashboard-drill-down';
import { DashboardFiltersBar, DIMENSION_LABELS } from './dashboard-filters-bar';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The filters in the URL (so a reload, a shared link and Back show the same view) and a setter that pushes a history
 * entry. A URL with invalid or missing values is rewritten in place to the filters shown.
 */
function useDashboardFilters(): [DashboardFilters, (change: Partial<DashboardFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const [day] = useState(today);
  const filters = useMemo(() => readDashboardFilters(params, day), [params, day]);
  const canonical = dashboardSearch(filters).toString();
  useEffect(() => {
    if (canonical !== params.toString()) setParams(canonical, { replace: true });
  }, [canonical, params, setParams]);
  const change = useCallback(
    (next: Partial<DashboardFilters>) => setParams(dashboardSearch(changeDashboardFilters(filters, next))),
    [filters, setParams],
  );
  return [filters, change];
}

/** `/dashboard`: time to first touch, SLA breaches and outcomes by segment, playbook, rep or channel. */
export function DashboardPage() {
  const [filters, setFilters] = useDashboardFilters();
  const { groupBy, row, breached } = filters;
  const range = useMemo(() => ({ from: filters.from, to: filters.to }), [filters.from, filters.to]);
  const bucket = trendBucketFor(rangeQuery(range));
  const summary = useQuery({
    queryKey: queryKeys.dashboards.view('summary', range, groupBy),
    queryFn: () => fetchSummary(range, groupBy),
    refetchInterval: 10_000,
  });
  const trendRow = row && row.key !== null ? { groupBy, key: row.key } : null;
  const trend = useQuery({
    queryKey: queryKeys.dashboards.view(`trend-${bucket}`, range, trendRow?.groupBy, trendRow?.key),
    queryFn: () => fetchTrend(range, bucket, trendRow),
    refetchInterval: 30_000,
  });
  const drill = useQuery({
    queryKey: queryKeys.dashboards.view(breached ? 'breached-leads' : 'leads', range, groupBy, row?.key),
    queryFn: () => fetchDrillDown(range, groupBy, row?.key ?? null, breached),
    enabled: row !== null,
  });
  const lift = useQuery({
    queryKey: queryKeys.dashboards.view('lift', range),
    queryFn: () => fetchLift(range),
    refetchInterval: 30_000,
  });
  const splitArms = useQuery({
    queryKey: queryKeys.dashboards.view('split-arms', range),
    queryFn: () => fetchSplitArms(range),
    refetchInterval: 30_000,
  });
  const delivery = useQuery({
    queryKey: queryKeys.dashboards.view('delivery', range),
    queryFn: () => fetchDelivery(range),
    refetchInterval: 30_000,
  });
  const notifications = useQuery({
    queryKey: queryKeys.notifications.all,
    queryFn: fetchNotifications,
    refetchInterval: 5_000,
  });
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });

  const rows = summary.data ?? [];
  const series = summarySeries(rows);
  const dimension = DIMENSION_LABELS[groupBy];
  const picked = row ? rows.find((r) => r.key === row.key) : undefined;
  const rowLabel = picked?.label ?? (row?.key === null ? '(none)' : row?.key);
  const trendData = trendSeries(trend.data ?? [], rangeQuery(range), bucket);
  const trendSubject = trendRow ? `${dimension.toLowerCase()} ${rowLabel}` : 'all entries';
  const liftRows = (lift.data ?? []).map((l) => ({
    key: `${l.segmentId}-${l.playbookId}`,
    cells: [l.segmentName ?? 'manual', l.playbookName ?? l.playbookId],
    comparison: l.comparison,
  }));
  const splitRows = (splitArms.data ?? []).map((a) => ({
    key: `${a.playbookId}-${a.playbookVersion}-${a.nodeId}-${a.variant}`,
    cells: [
      `${a.playbookName} v${a.playbookVersion}`,
      `${a.nodeId}: ${a.label ?? a.variant} vs ${a.controlLabel ?? a.controlVariant}`,
    ],
    comparison: a.comparison,
  }));
  const arms = (compared: typeof liftRows) =>
    armSeries(compared.map((c) => ({ label: c.cells.join(' · '), comparison: c.comparison })));

  return (
    <section className="dashboard">
      <h1>Dashboard</h1>
      <Notifications items={notifications.data ?? []} onRead={(id) => markRead.mutateAsync(id)} />
      <DashboardFiltersBar filters={filters} onChange={setFilters} />
      {summary.error && (
        <p role="alert" className="error">
          {summary.error.message}
        </p>
      )}
      <div className="dashboard__grid">
        <div className="card">
          <TtftByRowChart data={series} dimension={dimension} />
        </div>
        <div className="card">
          <BreachesByRowChart data={series} dimension={dimension} />
        </div>
        <div className="card">
          <EntriesTrendChart data={trendData} bucket={bucket} subject={trendSubject} />
        </div>
        <div className="card">
          <TtftTrendChart data={trendData} bucket={bucket} subject={trendSubject} />
        </div>
        <div className="card">
          <OutcomesByRowChart data={series} dimension={dimension} />
        </div>
      </div>
      <p className="muted">Pick a row to see its leads and its trend alone.</p>
      <table className="table" aria-label="Summary">
        <thead>
          <tr>
            <th>{dimension}</th>
            <th>Entries</th>
            <th>TTFT p50</th>
            <th>TTFT p90</th>
            <th>System p50</th>
            <th>Human p50</th>
            <th>Breach rate</th>
            <th>Touches</th>
            <th>Replies</th>
            <th>Meetings</th>
            <th>Conversions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key ?? 'none'}
              className="clickable"
              aria-current={row !== null && row.key === r.key ? 'true' : undefined}
              onClick={() => setFilters({ row: { key: r.key } })}
            >
              <td>{r.label}</td>
              <td>{r.entries}</td>
              <td>{formatMinutes(r.ttftP50Ms)}</td>
              <td>{formatMinutes(r.ttftP90Ms)}</td>
              <td>{formatMinutes(r.systemDelayP50Ms)}</td>
              <td>{formatMinutes(r.humanDelayP50Ms)}</td>
              <td>
                {formatRate(r.breachRate)} ({r.breaches})
              </td>
              <td>{r.touches}</td>
              <td>{r.replies}</td>
              <td>{r.meetings}</td>
              <td>{r.conversions}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {row && (
        <DrillDownTable
          label={rowLabel ?? ''}
          leads={drill.data ?? []}
          breached={breached}
          onClose={() => setFilters({ row: null })}
        />
      )}
      <h2>Delivery by channel</h2>
      <table className="table" aria-label="Delivery by channel">
        <thead>
          <tr>
            <th>Playbook (version)</th>
            <th>Channel</th>
            <th>Sent</th>
            <th>Delivered</th>
            <th>Reply</th>
            <th>Click</th>
            <th>Bounce</th>
          </tr>
        </thead>
        <tbody>
          {channelDeliveryLines(delivery.data ?? []).map((d) => (
            <tr key={d.key}>
              <td>{d.version}</td>
              <td>{d.channel}</td>
              <td>{d.sent}</td>
              <td>{d.delivered}</td>
              <td>{d.replied}</td>
              <td>{d.clicked}</td>
              <td>{d.bounced}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Lift vs holdout</h2>
      <p className="muted">
        Leads that ran a playbook against the segment&apos;s held-out leads, on the same events since each run started.
      </p>
      <ArmIntervalsChart
        title="Conversion rate, treated vs holdout"
        data={arms(liftRows)}
        armName="Treated"
        controlName="Holdout"
      />
      <ArmComparisonTable
        label="Lift"
        headers={['Segment', 'Playbook']}
        armHeader="Treated"
        controlHeader="Holdout"
        rows={liftRows}
      />
      <h2>A/B splits</h2>
      <ArmIntervalsChart
        title="Conversion rate, variant vs control"
        data={arms(splitRows)}
        armName="Variant"
        controlName="Control"
      />
      <ArmComparisonTable
        label="A/B splits"
        headers={['Playbook', 'Split']}
        armHeader="Variant"
        controlHeader="Control (first variant)"
        rows={splitRows}
      />
    </section>
  );
}

function Notifications({
  items,
  onRead,
}: {
  items: { id: string; title: string; body: string; data: Record<string, unknown>; readAt: string | null }[];
  onRead: (id: string) => Promise<void>;
}) {
  const unread = items.filter((n) => !n.readAt);
  if (!unread.length) return null;
  return (
    <ul className="card" aria-label="Notifications">
      {unread.map((n) => (
        <li key={n.id}>
          <strong>{n.title}</strong> — {n.body}{' '}
          {typeof n.data.link === 'string' && n.data.link.startsWith('/') && <Link to={n.data.link}>Review</Link>}{' '}
          <button type="button" className="secondary" onClick={() => void onRead(n.id)}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
