import type { RunDetail } from '@segflow/api-contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getLead } from '../api/leads';
import { getRun, listRuns, listTouches, temporalWorkflowUrl } from '../api/runs';
import { Link } from 'react-router-dom';
import { queryKeys } from '../query/keys';
import { buildLeadTimeline } from './lead-timeline';
import { formatPercent } from './model-quality';

function RunCard({ run }: { run: RunDetail }) {
  return (
    <li className="card run-card" data-testid={`run-${run.id}`}>
      <div>
        <Link to={`/playbooks/${run.playbookId}`}>Playbook v{run.playbookVersion}</Link> ·{' '}
        <span className={`pill pill--${run.status}`}>{run.status}</span>
        {run.currentNodeId && (
          <span>
            {' '}
            · at <strong>{run.currentNodeId}</strong>
          </span>
        )}
      </div>
      <div className="muted">
        started {new Date(run.startedAt).toLocaleString()}
        {run.endedAt ? `, ended ${new Date(run.endedAt).toLocaleString()}` : ''}
      </div>
      {run.temporalWorkflowId && (
        <a href={temporalWorkflowUrl(run.temporalWorkflowId)} target="_blank" rel="noreferrer">
          Open in Temporal UI
        </a>
      )}
      {run.path.length > 0 && <div className="muted">path: {run.path.map((p) => p.nodeId).join(' → ')}</div>}
    </li>
  );
}

/** One lead: profile, runs (current node, Temporal link) and one timeline of events, segment changes, runs, touches, tasks. */
export function LeadDetailPage({ leadId }: { leadId: string }) {
  const leadQuery = useQuery({ queryKey: queryKeys.leads.detail(leadId), queryFn: () => getLead(leadId) });
  // The list is a summary; the run detail carries path, touches and tasks.
  const runsQuery = useQuery({
    queryKey: queryKeys.runs.ofLead(leadId),
    queryFn: async () => Promise.all((await listRuns(leadId)).map((r) => getRun(r.id))),
  });
  const touchesQuery = useQuery({ queryKey: queryKeys.touches.ofLead(leadId), queryFn: () => listTouches(leadId) });
  const queryClient = useQueryClient();
  const load = () =>
    [queryKeys.leads.detail(leadId), queryKeys.runs.ofLead(leadId), queryKeys.touches.ofLead(leadId)].forEach(
      (queryKey) => void queryClient.invalidateQueries({ queryKey }),
    );

  const error = leadQuery.error ?? runsQuery.error ?? touchesQuery.error;
  const lead = leadQuery.data;
  if (error)
    return (
      <section>
        <p role="alert" className="error">
          {error.message}
        </p>
        <Link to="/leads">Back to leads</Link>
      </section>
    );
  if (!lead || !runsQuery.data || !touchesQuery.data)
    return (
      <section>
        <p className="muted">Loading…</p>
      </section>
    );
  const runs: RunDetail[] = runsQuery.data;
  const timeline = buildLeadTimeline(lead, runs, touchesQuery.data);
  return (
    <section>
      <p>
        <Link to="/leads">← Leads</Link>
      </p>
      <h1>{lead.name ?? lead.externalId}</h1>
      <div className="card lead-profile">
        <div>{[lead.company, lead.email, lead.city, lead.country].filter(Boolean).join(' · ')}</div>
        <div>
          Segment: <strong>{lead.segment?.name ?? '—'}</strong> · Owner: {lead.ownerId ?? 'unassigned'} · Score:{' '}
          {lead.score ?? '—'} · Conversion probability:{' '}
          <strong data-testid="conversion-probability">{formatPercent(lead.conversionProbability)}</strong>
        </div>
        <button type="button" onClick={load}>
          Refresh
        </button>
      </div>
      <h2>Runs</h2>
      {runs.length === 0 ? (
        <p className="muted">No playbook runs.</p>
      ) : (
        <ul className="run-list">
          {runs.map((run) => (
            <RunCard key={run.id} run={run} />
          ))}
        </ul>
      )}
      <h2>Timeline</h2>
      <ol className="timeline" aria-label="Lead timeline">
        {timeline.map((item, index) => (
          <li key={index} className={`timeline__item timeline__item--${item.kind}`}>
            <time dateTime={item.at}>{new Date(item.at).toLocaleString()}</time>
            <span className="badge">{item.kind}</span> {item.title}
            {item.detail && <span className="muted"> · {item.detail}</span>}
          </li>
        ))}
      </ol>
      {timeline.length === 0 && <p className="muted">Nothing has happened yet.</p>}
    </section>
  );
}
