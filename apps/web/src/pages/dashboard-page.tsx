import './inbox.css';
import { queryString, type DashboardSummaryQuery } from '@segflow/api-contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  DashboardRange,
  rangeQuery,
  Dimension,
  DrillDownLead,
  fetchDelivery,
  fetchDrillDown,
  fetchLift,
  fetchNotifications,
  fetchSplitArms,
  fetchSummary,
  fetchTrend,
  markNotificationRead,
} from '../api/dashboards';
import { formatMinutes, formatRate } from '../figures/format';
import { ArmComparisonTable } from './arm-comparison-table';
import { PairedBarChart, TrendChart } from './dashboard-charts';
import { channelDeliveryLines } from '../figures/delivery-figures';
import { queryKeys } from '../query/keys';

const DIMENSION_LABELS: Record<Dimension, string> = {
  segment: 'Segment',
  playbook: 'Playbook (version)',
  rep: 'Rep',
  channel: 'Channel',
};
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** `/dashboard`: time to first touch, SLA breaches and outcomes by segment, playbook, rep or channel. */
export function DashboardPage() {
  const [range, setRange] = useState<DashboardRange>({
    from: isoDate(new Date(Date.now() - 29 * 86_400_000)),
    to: isoDate(new Date()),
  });
  const [groupBy, setGroupBy] = useState<Dimension>('segment');
  const [drill, setDrill] = useState<{ key: string | null; label: string; leads: DrillDownLead[] } | null>(null);
  const summary = useQuery({
    queryKey: queryKeys.dashboards.view('summary', range, groupBy),
    queryFn: () => fetchSummary(range, groupBy),
    refetchInterval: 10_000,
  });
  const trend = useQuery({
    queryKey: queryKeys.dashboards.view('trend', range),
    queryFn: () => fetchTrend(range),
    refetchInterval: 30_000,
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

  const openDrillDown = async (key: string | null, label: string) =>
    setDrill({
      key,
      label,
      leads: await queryClient.fetchQuery({
        queryKey: queryKeys.dashboards.view('leads', range, groupBy, key),
        queryFn: () => fetchDrillDown(range, groupBy, key),
      }),
    });
  const rows = summary.data ?? [];

  return (
    <section className="dashboard">
      <h1>Dashboard</h1>
      <Notifications items={notifications.data ?? []} onRead={(id) => markRead.mutateAsync(id)} />
      <div className="card dashboard__filters">
        <label>
          From{' '}
          <input
            type="date"
            aria-label="From"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            aria-label="To"
            value={range.to}
            onChange={(e) => setRange({ ...range, to: e.target.value })}
          />
        </label>
        <label>
          Group by
          <select
            aria-label="Group by"
            value={groupBy}
            onChange={(e) => {
              setGroupBy(e.target.value as Dimension);
              setDrill(null);
            }}
          >
            {Object.entries(DIMENSION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <a
          href={`/api/dashboards/summary.csv${queryString<DashboardSummaryQuery>({ ...rangeQuery(range), groupBy })}`}
          download
        >
          Export CSV
        </a>
      </div>
      {summary.error && (
        <p role="alert" className="error">
          {summary.error.message}
        </p>
      )}
      <div className="dashboard__grid">
        <div className="card">
          <PairedBarChart
            title="Time to first touch"
            rows={rows.map((r) => ({ label: r.label, a: r.ttftP50Ms, b: r.ttftP90Ms }))}
          />
        </div>
        <div className="card">
          <TrendChart
            title="Trend per day"
            points={(trend.data ?? []).map((p) => ({ bucket: p.bucket, value: p.ttftP50Ms, second: p.breachRate }))}
          />
        </div>
      </div>
      <table className="table" aria-label="Summary">
        <thead>
          <tr>
            <th>{DIMENSION_LABELS[groupBy]}</th>
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
            <tr key={r.key ?? 'none'} className="clickable" onClick={() => void openDrillDown(r.key, r.label)}>
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
      {drill && (
        <div className="card">
          <h2>Leads behind “{drill.label}”</h2>
          <table className="table" aria-label="Drill-down">
            <thead>
              <tr>
                <th>Lead</th>
                <th>Segment</th>
                <th>Rep</th>
                <th>Entered</th>
                <th>First touch</th>
                <th>TTFT</th>
                <th>Breached</th>
              </tr>
            </thead>
            <tbody>
              {drill.leads.map((l) => (
                <tr key={`${l.leadId}-${l.enteredAt}`}>
                  <td>
                    <a href={`/leads/${l.leadId}`}>{l.leadName}</a>
                  </td>
                  <td>{l.segmentName}</td>
                  <td>{l.repName ?? '—'}</td>
                  <td>{new Date(l.enteredAt).toLocaleString()}</td>
                  <td>{l.firstTouchAt ? new Date(l.firstTouchAt).toLocaleString() : '—'}</td>
                  <td>{formatMinutes(l.ttftMs)}</td>
                  <td>{l.breached ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
      <ArmComparisonTable
        label="Lift"
        headers={['Segment', 'Playbook']}
        armHeader="Treated"
        controlHeader="Holdout"
        rows={(lift.data ?? []).map((l) => ({
          key: `${l.segmentId}-${l.playbookId}`,
          cells: [l.segmentName ?? 'manual', l.playbookName ?? l.playbookId],
          comparison: l.comparison,
        }))}
      />
      <h2>A/B splits</h2>
      <ArmComparisonTable
        label="A/B splits"
        headers={['Playbook', 'Split']}
        armHeader="Variant"
        controlHeader="Control (first variant)"
        rows={(splitArms.data ?? []).map((a) => ({
          key: `${a.playbookId}-${a.playbookVersion}-${a.nodeId}-${a.variant}`,
          cells: [
            `${a.playbookName} v${a.playbookVersion}`,
            `${a.nodeId}: ${a.label ?? a.variant} vs ${a.controlLabel ?? a.controlVariant}`,
          ],
          comparison: a.comparison,
        }))}
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
