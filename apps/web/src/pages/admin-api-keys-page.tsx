import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedApiKey } from '@segflow/api-contracts';
import { useState, type FormEvent } from 'react';
import { createApiKey, listApiKeys, revokeApiKey } from '../api/admin';
import { queryKeys } from '../query/keys';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** `/admin/api-keys` (admin): ingest keys; a new key is shown once, only its prefix afterwards; revoke ends it at once. */
export function AdminApiKeysPage() {
  const queryClient = useQueryClient();
  const { data: keys, error: loadError } = useQuery({ queryKey: queryKeys.apiKeys.all, queryFn: listApiKeys });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all });
  const create = useMutation({
    mutationFn: createApiKey,
    onSuccess: (key) => {
      setCreated(key);
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: revokeApiKey, onSuccess: refresh });
  const error = (create.error ?? revoke.error ?? loadError)?.message;

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ name: String(new FormData(event.currentTarget).get('name')), scopes: ['ingest'] });
    event.currentTarget.reset();
  };

  return (
    <section>
      <h1>API keys</h1>
      <p className="muted">
        Keys let other systems post leads and events (`Authorization: Bearer …`, scope <code>ingest</code>).
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {created && (
        <div role="status" className="notice" aria-label="New API key">
          <p>
            Key <strong>{created.name}</strong>, shown only now — copy it into the system that will use it:
          </p>
          <code data-testid="new-api-key">{created.key}</code>{' '}
          <button type="button" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      <form className="inline-form" aria-label="New API key" onSubmit={onCreate}>
        <input
          name="name"
          placeholder="What uses it (e.g. website form)"
          aria-label="Key name"
          required
          maxLength={120}
        />
        <button type="submit" disabled={create.isPending}>
          Create key
        </button>
      </form>
      <table className="table" aria-label="API keys">
        <thead>
          <tr>
            <th>Name</th>
            <th>Prefix</th>
            <th>Scopes</th>
            <th>Created</th>
            <th>Last used</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(keys ?? []).map((k) => (
            <tr key={k.id} className={k.revokedAt ? 'muted' : undefined}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{k.scopes.join(', ')}</td>
              <td>{when(k.createdAt)}</td>
              <td>{when(k.lastUsedAt)}</td>
              <td>{k.revokedAt ? `revoked ${when(k.revokedAt)}` : 'live'}</td>
              <td>
                {!k.revokedAt && (
                  <button type="button" onClick={() => revoke.mutate(k.id)} disabled={revoke.isPending}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys?.length === 0 && <p className="muted">No keys yet.</p>}
    </section>
  );
}
