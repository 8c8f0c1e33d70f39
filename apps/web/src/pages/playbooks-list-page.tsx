import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { createPlaybook, listPlaybooks } from '../api/playbooks';
import { listSegments } from '../api/segments';
import { Link, useNavigate } from 'react-router-dom';
import { queryKeys } from '../query/keys';

/** Every playbook with its bound segment, live version, status, runs and last edit; creates new ones. */
export function PlaybooksListPage() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const playbooksQuery = useQuery({ queryKey: queryKeys.playbooks.list, queryFn: listPlaybooks });
  const segments = useQuery({ queryKey: queryKeys.segments.list, queryFn: listSegments }).data ?? [];
  const queryClient = useQueryClient();
  const createMutation = useMutation({
    mutationFn: createPlaybook,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.playbooks.all });
      navigate(`/playbooks/${created.id}`);
    },
  });
  const playbooks = playbooksQuery.data ?? null;
  const error = (createMutation.error ?? playbooksQuery.error)?.message;

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) createMutation.mutate({ name: name.trim() });
  };
  const segmentName = (id: string | null) => (id ? (segments.find((s) => s.id === id)?.name ?? id) : '—');

  return (
    <section>
      <h1>Playbooks</h1>
      <form className="card inline-form" onSubmit={create} aria-label="New playbook">
        <label>
          Name
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Warm APAC follow-up" />
        </label>
        <button type="submit" className="primary">
          New playbook
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="table" aria-label="Playbooks">
        <thead>
          <tr>
            <th>Name</th>
            <th>Segment</th>
            <th>Live version</th>
            <th>Status</th>
            <th>Active runs</th>
            <th>Converted</th>
            <th>Last edited</th>
          </tr>
        </thead>
        <tbody>
          {(playbooks ?? []).map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/playbooks/${p.id}`}>{p.name}</Link>
                {p.description && <div className="muted">{p.description}</div>}
              </td>
              <td>
                {segmentName(p.segmentId)}
                {p.holdoutPercent > 0 ? <span className="muted"> · {p.holdoutPercent}% holdout</span> : null}
              </td>
              <td>
                {p.publishedVersion === null ? <span className="muted">unpublished</span> : `v${p.publishedVersion}`}
              </td>
              <td>
                <span className={`pill pill--${p.status}`}>{p.status}</span>
              </td>
              <td>{p.activeRuns}</td>
              <td>{p.convertedRuns}</td>
              <td>
                {new Date(p.updatedAt).toLocaleString()}
                {p.updatedBy ? <span className="muted"> by {p.updatedBy}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {playbooks?.length === 0 && <p className="muted">No playbooks yet: create one above.</p>}
    </section>
  );
}
