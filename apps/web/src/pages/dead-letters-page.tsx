import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listDeadLetters, retryDeadLetter } from '../api/outbox';
import { Link } from 'react-router-dom';
import { queryKeys } from '../query/keys';

/** Outbox rows that failed every attempt (a run start, exit or lead event Temporal never got), with a retry each. */
export function DeadLettersPage() {
  const { data: letters, error: loadError } = useQuery({
    queryKey: queryKeys.deadLetters.all,
    queryFn: listDeadLetters,
  });
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: retryDeadLetter,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.deadLetters.all }),
  });
  const error = (retry.error ?? loadError)?.message;
  const retrying = retry.isPending ? retry.variables : null;

  return (
    <section>
      <h1>Dead letters</h1>
      <p className="muted">
        Deliveries to Temporal that failed every attempt. The lead's later deliveries went on without them; a retry
        delivers the row again on its own.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="table" aria-label="Dead letters">
        <thead>
          <tr>
            <th>Row</th>
            <th>Kind</th>
            <th>Lead</th>
            <th>Attempts</th>
            <th>Last error</th>
            <th>Dead since</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(letters ?? []).map((d) => (
            <tr key={d.id}>
              <td>
                {d.id}
                <div className="muted">{new Date(d.createdAt).toLocaleString()}</div>
              </td>
              <td>{d.kind}</td>
              <td>
                <Link to={`/leads/${d.leadId}`}>{d.leadId}</Link>
              </td>
              <td>{d.attempts}</td>
              <td>
                <code>{d.lastError ?? '—'}</code>
              </td>
              <td>{d.deadLetteredAt ? new Date(d.deadLetteredAt).toLocaleString() : '—'}</td>
              <td>
                <button type="button" onClick={() => retry.mutate(d.id)} disabled={retrying !== null}>
                  {retrying === d.id ? 'Retrying…' : 'Retry'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {letters?.length === 0 && <p className="muted">No dead letters: every delivery went through.</p>}
    </section>
  );
}
