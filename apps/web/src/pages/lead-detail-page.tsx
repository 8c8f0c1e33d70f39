import { useCallback, useEffect, useState } from 'react';
import { getLead, type LeadDetail } from '../api/leads';
import { getRun, listRuns, listTouches, temporalWorkflowUrl, type Run, type Touch } from '../api/runs';
import { Link } from '../router';
import { buildLeadTimeline } from './lead-timeline';

function placeholderLead(id: string): LeadDetail {
  return { id, externalId: id, name: null, email: null, company: null, city: null, country: null, createdAt: new Date(0).toISOString(), intakeRecordedAt: null, ownerId: null, segment: null, score: null };
}

function RunCard({ run }: { run: Run }) {
  return (
    <li className="card run-card" data-testid={`run-${run.id}`}>
      <div>
        <Link to={`/playbooks/${run.playbookId}`}>Playbook v{run.playbookVersion}</Link> · <span className={`pill pill--${run.status}`}>{run.status}</span>
        {run.currentNodeId && <span> · at <strong>{run.currentNodeId}</strong></span>}
      </div>
      <div className="muted">started {new Date(run.startedAt).toLocaleString()}{run.endedAt ? `, ended ${new Date(run.endedAt).toLocaleString()}` : ''}</div>
      {run.temporalWorkflowId && (
        <a href={temporalWorkflowUrl(run.temporalWorkflowId)} target="_blank" rel="noreferrer">Open in Temporal UI</a>
      )}
      {run.path && run.path.length > 0 && <div className="muted">path: {run.path.map((p) => p.nodeId).join(' → ')}</div>}
    </li>
  );
}

/** One lead: profile, runs (current node, Temporal link) and one timeline of events, segment changes, runs, touches, tasks. */
export function LeadDetailPage({ leadId }: { leadId: string }) {
  const [lead, setLead] = useState<(LeadDetail & { loadError?: string }) | null>(null);
  const [runs, setRuns] = useState<Run[]>([]);
  const [touches, setTouches] = useState<Touch[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      // Until the lead detail endpoint exists, show what the runs and touches say about the lead.
      setLead(await getLead(leadId).catch((e: Error) => ({ ...placeholderLead(leadId), loadError: e.message })));
      const listed = await listRuns(leadId).catch(() => [] as Run[]);
      // The list may be a summary; the run detail carries path, touches and tasks.
      setRuns(await Promise.all(listed.map((r) => getRun(r.id).catch(() => r))));
      setTouches(await listTouches(leadId).catch(() => [] as Touch[]));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [leadId]);
  useEffect(() => void load(), [load]);

  if (error) return <section><p role="alert" className="error">{error}</p><Link to="/leads">Back to leads</Link></section>;
  if (!lead) return <section><p className="muted">Loading…</p></section>;
  const timeline = buildLeadTimeline(lead, runs, touches);
  return (
    <section>
      <p><Link to="/leads">← Leads</Link></p>
      <h1>{lead.name ?? lead.externalId}</h1>
      <div className="card lead-profile">
        <div>{[lead.company, lead.email, lead.city, lead.country].filter(Boolean).join(' · ')}</div>
        <div>Segment: <strong>{lead.segment?.name ?? '—'}</strong> · Owner: {lead.ownerId ?? 'unassigned'} · Score: {lead.score ?? '—'}</div>
        {lead.loadError && <span className="error">Lead details unavailable: {lead.loadError}</span>}
        <button type="button" onClick={() => void load()}>Refresh</button>
      </div>
      <h2>Runs</h2>
      {runs.length === 0 ? <p className="muted">No playbook runs.</p> : <ul className="run-list">{runs.map((run) => <RunCard key={run.id} run={run} />)}</ul>}
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
