import type { RunDetail } from '@segflow/api-contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getLead, logLinkedInReply } from '../api/leads';
import { getRun, listRuns, listTouches } from '../api/runs';
import { Link } from 'react-router-dom';
import { queryKeys } from '../query/keys';
import { useCurrentUser } from '../auth/session';
import { IntentBadge } from './intent-badge';
import { LeadAttributesCard } from './lead-attributes-card';
import { buildLeadTimeline } from './lead-timeline';
import { LeadPrivacyActions } from './lead-privacy-actions';
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
      {run.temporalUrl && (
        <a href={run.temporalUrl} target="_blank" rel="noreferrer">
          Open in Temporal UI
        </a>
      )}
      {run.path.length > 0 && <div className="muted">path: {run.path.map((p) => p.nodeId).join(' → ')}</div>}
    </li>
  );
}

/** LinkedIn has no webhook: a rep pastes the lead's reply here; ingest classifies it like any reply. */
function LinkedInReplyForm({ leadId, onLogged }: { leadId: string; onLogged: () => void }) {
  const [text, setText] = useState('');
  const log = useMutation({
    mutationFn: () => logLinkedInReply(leadId, text),
    onSuccess: () => {
      setText('');
      onLogged();
    },
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        log.mutate();
      }}
    >
      <label>
        Their LinkedIn reply
        <textarea aria-label="Their LinkedIn reply" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" disabled={!text.trim() || log.isPending}>
        Log reply
      </button>
      {log.data?.intent && (
        <span role="status">
          Logged: <IntentBadge intent={log.data.intent} />
        </span>
      )}
      {log.error && (
        <p role="alert" className="error">
          {log.error.message}
        </p>
      )}
    </form>
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
  const isAdmin = useCurrentUser()?.role === 'admin';
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
      <LeadAttributesCard values={lead.attributes} />
      <LinkedInReplyForm leadId={lead.id} onLogged={load} />
      {isAdmin && <LeadPrivacyActions leadId={leadId} />}
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
            {item.intent && <IntentBadge intent={item.intent} />}
            {item.detail && <span className="muted"> · {item.detail}</span>}
          </li>
        ))}
      </ol>
      {timeline.length === 0 && <p className="muted">Nothing has happened yet.</p>}
    </section>
  );
}
