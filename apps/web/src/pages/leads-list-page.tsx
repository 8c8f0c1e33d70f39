import type { LeadFilters } from '@segflow/api-contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { createLead, listLeads } from '../api/leads';
import { listSegments } from '../api/segments';
import { canUsePage } from '../auth/pages-for-role';
import { useCurrentUser } from '../auth/session';
import { Link } from 'react-router-dom';
import { queryKeys } from '../query/keys';
import { formatPercent } from './model-quality';

const emptyForm = { externalId: '', name: '', email: '', company: '', city: '' };

/** Leads with search and filters (segment, owner, score) and a form to add one; a rep sees only their own leads. */
export function LeadsListPage() {
  const user = useCurrentUser();
  const isRep = user?.role === 'rep';
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState({ segmentId: '', owner: '', minScore: '' });
  const [form, setForm] = useState(emptyForm);
  // Filtering happens in the API (indexed), so the list is right however many leads there are.
  const asked = useDebounced<LeadFilters>(
    {
      search: search.trim(),
      segmentId: filters.segmentId,
      ownerId: filters.owner.trim(),
      minScore: filters.minScore === '' ? undefined : Number(filters.minScore),
    },
    250,
  );
  const leadsQuery = useQuery({
    queryKey: queryKeys.leads.list(asked),
    queryFn: () => listLeads(asked),
    placeholderData: keepPreviousData,
  });
  // Only once the user is known: a rep may not list segments, and asking while loading earned them three 403s.
  const canFilterBySegment = canUsePage(user?.role, '/segments');
  const segments =
    useQuery({ queryKey: queryKeys.segments.list, queryFn: listSegments, enabled: canFilterBySegment }).data ?? [];
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createLead,
    onSuccess: () => {
      setForm(emptyForm);
      return queryClient.invalidateQueries({ queryKey: queryKeys.leads.all });
    },
  });
  const leads = leadsQuery.data ?? [];
  const failure = create.error ?? leadsQuery.error;
  const error =
    failure &&
    ((failure instanceof ApiError && failure.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')) ||
      failure.message);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lead = Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== ''));
    create.mutate(lead as typeof emptyForm);
  };

  return (
    <section>
      <h1>{isRep ? 'My leads' : 'Leads'}</h1>
      {canUsePage(user?.role, '/leads/import') && <Link to="/leads/import">Import a CSV file</Link>}
      {isRep && <p className="muted">The leads you own or have an open task for.</p>}
      <div className="card inline-form" role="search">
        <label>
          Search
          <input
            aria-label="Search leads"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="name, email, company"
          />
        </label>
        {canFilterBySegment && (
          <label>
            Segment
            <select
              aria-label="Filter by segment"
              value={filters.segmentId}
              onChange={(e) => setFilters({ ...filters, segmentId: e.target.value })}
            >
              <option value="">any</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Owner id
          <input
            aria-label="Filter by owner"
            value={filters.owner}
            onChange={(e) => setFilters({ ...filters, owner: e.target.value })}
          />
        </label>
        <label>
          Min score
          <input
            aria-label="Minimum score"
            type="number"
            value={filters.minScore}
            onChange={(e) => setFilters({ ...filters, minScore: e.target.value })}
          />
        </label>
      </div>
      {!isRep && (
        <form className="card inline-form" onSubmit={submit} aria-label="New lead">
          {(Object.keys(emptyForm) as (keyof typeof emptyForm)[]).map((field) => (
            <label key={field}>
              {field}
              <input name={field} value={form[field]} onChange={(e) => setForm({ ...form, [field]: e.target.value })} />
            </label>
          ))}
          <button type="submit">Add lead</button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="table" aria-label="Leads">
        <thead>
          <tr>
            <th>Name</th>
            <th>Company</th>
            <th>Email</th>
            <th>City</th>
            <th>Segment</th>
            <th>Owner</th>
            <th>Score</th>
            <th title="Calibrated probability of converting (active propensity model)">P(convert)</th>
            <th>Intake</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.id}>
              <td>
                <Link to={`/leads/${lead.id}`}>{lead.name ?? lead.externalId}</Link>
              </td>
              <td>{lead.company}</td>
              <td>{lead.email}</td>
              <td>{lead.city}</td>
              <td>
                {lead.segment ? (
                  <span className="segment-chip" style={{ borderColor: lead.segment.colour }}>
                    {lead.segment.name}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td>{lead.ownerId ?? '—'}</td>
              <td>{lead.score ?? '—'}</td>
              <td>{formatPercent(lead.conversionProbability)}</td>
              <td>{lead.intakeRecordedAt ? 'recorded' : 'pending'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {leads.length === 0 && <p className="muted">No leads match.</p>}
    </section>
  );
}

/** `value`, once it has stopped changing for `ms` (typing in a filter asks the API once, not per key). */
function useDebounced<T>(value: T, ms: number): T {
  const json = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(json) as T), ms);
    return () => clearTimeout(timer);
  }, [json, ms]);
  return settled;
}
