import { MAX_LOOKALIKE_SIZE, type CreateLookalikeRequest, type EnrolLookalikesResultDto } from '@segflow/api-contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/http';
import { createLookalikes, deleteLookalikes, enrolLookalikes, getLookalikes, listLookalikes } from '../api/lookalikes';
import { listPlaybooks } from '../api/playbooks';
import { listSegments } from '../api/segments';
import { queryKeys } from '../query/keys';
import { enrolSummary, formatSimilarity } from './lookalike-summary';

const PAGE_SIZE = 50;
const emptyForm = { name: '', size: '100', segmentId: '', excludeOwnedBy: '' };

const messageOf = (failure: Error | null | undefined) =>
  failure &&
  ((failure instanceof ApiError && failure.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')) || failure.message);

/** Lookalike lists: create one from the converted leads, pick one to see its ranked members and enrol them. */
export function LookalikesPage() {
  const [form, setForm] = useState(emptyForm);
  const [selected, setSelected] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const lists = useQuery({ queryKey: queryKeys.lookalikes.all, queryFn: listLookalikes });
  const segments = useQuery({ queryKey: queryKeys.segments.list, queryFn: listSegments }).data ?? [];
  const create = useMutation({
    mutationFn: createLookalikes,
    onSuccess: (list) => {
      setForm(emptyForm);
      setSelected(list.id);
      return queryClient.invalidateQueries({ queryKey: queryKeys.lookalikes.all });
    },
  });
  const remove = useMutation({
    mutationFn: deleteLookalikes,
    onSuccess: (_, id) => {
      if (selected === id) setSelected(null);
      return queryClient.invalidateQueries({ queryKey: queryKeys.lookalikes.all });
    },
  });
  const error = messageOf(create.error ?? remove.error ?? lists.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateLookalikeRequest = { name: form.name.trim(), size: Number(form.size) };
    if (form.segmentId) body.segmentId = form.segmentId;
    if (form.excludeOwnedBy.trim()) body.excludeOwnedBy = form.excludeOwnedBy.trim();
    create.mutate(body);
  };

  return (
    <section>
      <h1>Lookalikes</h1>
      <p className="muted">
        Leads that have not converted, ranked by how much their behaviour and fit resemble the leads that did (mean
        similarity to their five nearest converted leads). A list is a snapshot of when it was made.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form className="card inline-form" onSubmit={submit} aria-label="New lookalike list">
        <label>
          Name
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          Size
          <input
            type="number"
            min={1}
            max={MAX_LOOKALIKE_SIZE}
            required
            value={form.size}
            onChange={(e) => setForm({ ...form, size: e.target.value })}
          />
        </label>
        <label>
          Segment
          <select value={form.segmentId} onChange={(e) => setForm({ ...form, segmentId: e.target.value })}>
            <option value="">any</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Exclude owner id
          <input value={form.excludeOwnedBy} onChange={(e) => setForm({ ...form, excludeOwnedBy: e.target.value })} />
        </label>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Computing…' : 'Create list'}
        </button>
      </form>
      <table className="table" aria-label="Lookalike lists">
        <thead>
          <tr>
            <th>Name</th>
            <th>Members</th>
            <th>Compared with</th>
            <th>Segment</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(lists.data ?? []).map((l) => (
            <tr key={l.id} aria-selected={l.id === selected}>
              <td>
                <button type="button" className="link" onClick={() => setSelected(l.id)}>
                  {l.name}
                </button>
              </td>
              <td>
                {l.memberCount} of {l.candidateCount} candidates
              </td>
              <td>
                {l.convertedCount} converted ({l.goalEventType})
              </td>
              <td>{l.segmentName ?? 'any'}</td>
              <td>
                {new Date(l.createdAt).toLocaleString()}
                <div className="muted">{l.createdBy ?? ''}</div>
              </td>
              <td>
                <button type="button" onClick={() => remove.mutate(l.id)} disabled={remove.isPending}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lists.data?.length === 0 && <p className="muted">No lists yet.</p>}
      {selected && <LookalikeListView key={selected} id={selected} />}
    </section>
  );
}

/** One list's ranked members, a page at a time, and its enrolment into a published playbook. */
function LookalikeListView({ id }: { id: string }) {
  const [offset, setOffset] = useState(0);
  const [playbookId, setPlaybookId] = useState('');
  const [result, setResult] = useState<EnrolLookalikesResultDto | null>(null);
  const detail = useQuery({
    queryKey: queryKeys.lookalikes.detail(id, offset),
    queryFn: () => getLookalikes(id, { offset, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const playbooks = (useQuery({ queryKey: queryKeys.playbooks.list, queryFn: listPlaybooks }).data ?? []).filter(
    (p) => p.status !== 'draft',
  );
  const enrol = useMutation({ mutationFn: () => enrolLookalikes(id, playbookId), onSuccess: setResult });
  const list = detail.data;
  const error = messageOf(enrol.error ?? detail.error);

  return (
    <section className="card" aria-label="Lookalike members">
      <h2>{list?.name ?? 'List'}</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="inline-form">
        <label>
          Playbook
          <select
            aria-label="Playbook to enrol into"
            value={playbookId}
            onChange={(e) => setPlaybookId(e.target.value)}
          >
            <option value="">choose a published playbook</option>
            {playbooks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!playbookId || enrol.isPending} onClick={() => enrol.mutate()}>
          {enrol.isPending ? 'Enrolling…' : 'Enrol members'}
        </button>
      </div>
      {result && <p role="status">{enrolSummary(result)}</p>}
      <table className="table" aria-label="Ranked members">
        <thead>
          <tr>
            <th>Rank</th>
            <th>Similarity</th>
            <th>Lead</th>
            <th>Company</th>
            <th>Segment</th>
          </tr>
        </thead>
        <tbody>
          {(list?.members ?? []).map((m) => (
            <tr key={m.leadId}>
              <td>{m.rank}</td>
              <td>{formatSimilarity(m.score)}</td>
              <td>
                <Link to={`/leads/${m.leadId}`}>{m.name ?? m.leadId}</Link>
              </td>
              <td>{m.company ?? '—'}</td>
              <td>{m.segmentName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list && (
        <p className="muted">
          {list.total === 0
            ? 'No members.'
            : `Ranks ${offset + 1}–${Math.min(offset + PAGE_SIZE, list.total)} of ${list.total}`}
          {offset > 0 && (
            <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              Previous
            </button>
          )}
          {offset + PAGE_SIZE < list.total && (
            <button type="button" onClick={() => setOffset(offset + PAGE_SIZE)}>
              Next
            </button>
          )}
        </p>
      )}
    </section>
  );
}
