import { AUDIT_ACTIONS, type AuditEntryDto } from '@segflow/api-contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { auditCsvUrl, auditFiltersOf, listAuditEntries, type AuditFilters } from '../api/audit';
import { queryKeys } from '../query/keys';

const ENTITY_TYPES = ['playbook', 'segmentModel', 'lead', 'leadImport', 'slaPolicy', 'user', 'apiKey'];

const actorText = ({ actor }: AuditEntryDto) =>
  actor.kind === 'system' ? 'system' : `${actor.kind === 'apiKey' ? 'API key ' : ''}${actor.label ?? actor.id}`;
const changeText = (value: Record<string, unknown> | null) => (value ? JSON.stringify(value) : '—');
// datetime-local inputs speak the browser's local time; the URL and the API speak ISO instants.
const toLocalInput = (iso: string | undefined) =>
  iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '';
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');

/** Who did what, when, to what: the audit log with filters kept in the URL, page by page, and its CSV. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersOf(params);
  const { data, error, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteQuery({
    queryKey: queryKeys.audit.list(filters),
    queryFn: ({ pageParam }) => listAuditEntries(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const entries = data?.pages.flatMap((p) => p.entries) ?? [];
  const setFilter = (name: keyof AuditFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <section>
      <h1>Audit log</h1>
      <p className="muted">
        Publishes, bindings, model decisions, consent changes, reassignments, SLA policy, user and API key changes and
        erasures, newest first. The log cannot be edited.
      </p>
      <div className="card inline-form" role="search" aria-label="Audit filters">
        <label>
          Action
          <select value={filters.action ?? ''} onChange={(e) => setFilter('action', e.target.value)}>
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          Entity
          <select value={filters.entityType ?? ''} onChange={(e) => setFilter('entityType', e.target.value)}>
            <option value="">Any</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Entity id
          <input value={filters.entityId ?? ''} onChange={(e) => setFilter('entityId', e.target.value)} />
        </label>
        <label>
          Actor id
          <input value={filters.actorId ?? ''} onChange={(e) => setFilter('actorId', e.target.value)} />
        </label>
        <label>
          From
          <input
            type="datetime-local"
            value={toLocalInput(filters.from)}
            onChange={(e) => setFilter('from', fromLocalInput(e.target.value))}
          />
        </label>
        <label>
          To
          <input
            type="datetime-local"
            value={toLocalInput(filters.to)}
            onChange={(e) => setFilter('to', fromLocalInput(e.target.value))}
          />
        </label>
        <a href={auditCsvUrl(filters)} download>
          Export CSV
        </a>
      </div>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <table className="table" aria-label="Audit entries">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Action</th>
            <th>Entity</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{actorText(e)}</td>
              <td>{e.action}</td>
              <td>
                {e.entityType}
                <div className="muted">{e.entityId}</div>
              </td>
              <td>
                <code>{changeText(e.before)}</code>
              </td>
              <td>
                <code>{changeText(e.after)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && entries.length === 0 && <p className="muted">No entries match these filters.</p>}
      {hasNextPage && (
        <button type="button" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? 'Loading…' : 'Older entries'}
        </button>
      )}
    </section>
  );
}
