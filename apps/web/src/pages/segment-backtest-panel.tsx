import type { PlaybookSummary } from '@segflow/api-contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getSegmentBacktest } from '../api/segments';
import { queryKeys } from '../query/keys';
import { backtestRows } from './segment-backtest';

/**
 * A segment's backtest (`GET /api/segments/:id/backtest`): how its closed entries converted with a run of the picked
 * playbook, held out of it, and with neither. Fetched only once opened, so the page does not ask for every segment.
 */
export function SegmentBacktestPanel({
  segmentId,
  playbooks,
  boundPlaybookId,
}: {
  segmentId: string;
  playbooks: readonly PlaybookSummary[];
  boundPlaybookId?: string;
}) {
  // Only a published playbook can have run on the segment.
  const published = playbooks.filter((p) => p.publishedVersion !== null);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState(boundPlaybookId ?? '');
  const playbookId = picked || published[0]?.id || '';
  const backtest = useQuery({
    queryKey: queryKeys.segments.backtest(segmentId, playbookId),
    queryFn: () => getSegmentBacktest(segmentId, playbookId),
    enabled: open && playbookId !== '',
  });
  const shown = backtest.data ? backtestRows(backtest.data) : null;
  return (
    <details data-testid="segment-backtest" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Backtest</summary>
      {published.length === 0 ? (
        <p className="muted">No published playbook to backtest.</p>
      ) : (
        <>
          <label>
            Playbook{' '}
            <select value={playbookId} onChange={(e) => setPicked(e.target.value)}>
              {published.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          {backtest.error && <p role="alert">{backtest.error.message}</p>}
          {backtest.data && shown && (
            <>
              <table aria-label="Backtest">
                <thead>
                  <tr>
                    <th>Closed entries by arm</th>
                    <th>Entries</th>
                    <th>Conversions</th>
                    <th>Rate</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.rows.map((row) => (
                    <tr key={row.arm} data-testid={`backtest-${row.arm}`}>
                      <td>{row.label}</td>
                      <td>{row.entries}</td>
                      <td>{row.conversions}</td>
                      <td>{row.rate}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">
                {shown.lift ?? 'No lift: no held-out entries'} · {backtest.data.goalEventType} within{' '}
                {backtest.data.horizonDays} days of entries up to {backtest.data.closedBefore.slice(0, 10)}; history,
                not a simulation.
              </p>
            </>
          )}
        </>
      )}
    </details>
  );
}
