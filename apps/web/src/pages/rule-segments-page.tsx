import type { RuleSegmentPreview, Segment } from '@segflow/api-contracts';
import type { SegmentRule } from '@segflow/scoring';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listLeadAttributes } from '../api/admin';
import { ApiError } from '../api/http';
import {
  createRuleSegment,
  deleteRuleSegment,
  listSegments,
  previewRuleSegment,
  updateRuleSegment,
} from '../api/segments';
import { queryKeys } from '../query/keys';
import { NEW_CONDITION, toConditionDraft, toRuleCondition, type ConditionDraft } from './rule-condition-draft';
import { ConditionRow } from './rule-condition-row';

function RuleSegmentForm({ initial, onDone }: { initial: Segment | null; onDone: (message: string) => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [priority, setPriority] = useState(initial?.priority === undefined ? '' : String(initial.priority));
  const [match, setMatch] = useState<SegmentRule['match']>(initial?.rule?.match ?? 'all');
  const [conditions, setConditions] = useState<ConditionDraft[]>(
    initial?.rule ? initial.rule.conditions.map(toConditionDraft) : [NEW_CONDITION],
  );
  const [preview, setPreview] = useState<RuleSegmentPreview | null>(null);
  const attributes = useQuery({ queryKey: queryKeys.leadAttributes.all, queryFn: listLeadAttributes }).data ?? [];
  const attributeTypes = new Map(attributes.map((a) => [a.key, a.type]));
  const rule = (): SegmentRule => ({
    match,
    conditions: conditions.map((draft) => toRuleCondition(draft, attributeTypes)),
  });
  const runPreview = useMutation({ mutationFn: () => previewRuleSegment(rule()), onSuccess: setPreview });
  const save = useMutation({
    mutationFn: () => {
      const body = { name, rule: rule(), ...(priority.trim() ? { priority: Number(priority) } : {}) };
      return initial ? updateRuleSegment(initial.id, body) : createRuleSegment(body);
    },
    onSuccess: (change) => onDone(`Saved "${change.segment.name}": ${change.moved} lead(s) moved.`),
  });
  const error = save.error ?? runPreview.error;
  const issues = error instanceof ApiError ? error.issues : [];

  return (
    <form
      className="card"
      aria-label={initial ? 'Edit rule segment' : 'New rule segment'}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <label>
        Name <input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Priority (lower wins){' '}
        <input
          aria-label="Priority"
          type="number"
          min={0}
          value={priority}
          placeholder="after the others"
          onChange={(e) => setPriority(e.target.value)}
        />
      </label>
      <label>
        Leads matching{' '}
        <select aria-label="Match" value={match} onChange={(e) => setMatch(e.target.value as SegmentRule['match'])}>
          <option value="all">all of the conditions</option>
          <option value="any">any of the conditions</option>
        </select>
      </label>
      <ol>
        {conditions.map((draft, i) => (
          <ConditionRow
            key={i}
            index={i}
            draft={draft}
            attributes={attributes}
            onChange={(next) => setConditions(conditions.map((c, j) => (j === i ? next : c)))}
            onRemove={() => setConditions(conditions.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => setConditions([...conditions, NEW_CONDITION])}>
          Add condition
        </button>
        <button type="button" onClick={() => runPreview.mutate()} disabled={runPreview.isPending}>
          Preview
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          {initial ? 'Save rule segment' : 'Create rule segment'}
        </button>
      </div>
      {preview && (
        <div role="status" aria-label="Preview">
          <p>
            <strong>{preview.matching}</strong> of {preview.total} leads match now ({preview.wouldEnter} not taken by an
            earlier rule segment): {preview.description}
          </p>
          <ul>
            {preview.sample.map((lead) => (
              <li key={lead.id}>
                {lead.name ?? lead.externalId} {lead.company && `· ${lead.company}`} · score {lead.score}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <div role="alert" className="error">
          {error.message}
          {issues.length > 0 && (
            <ul>
              {issues.map((issue) => (
                <li key={`${issue.field}:${issue.reason}`}>
                  {issue.field}: {issue.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

/**
 * `/rule-segments` (ops, admin): segments defined by a rule, evaluated in real time beside the learned ones. A lead
 * in a matching rule segment is in the first by priority, whatever its learned segment; bind playbooks on the playbook.
 */
export function RuleSegmentsPage() {
  const queryClient = useQueryClient();
  const segmentsQuery = useQuery({ queryKey: queryKeys.segments.list, queryFn: listSegments });
  const rules = (segmentsQuery.data ?? []).filter((s) => s.kind === 'rule');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
    // Saving moves leads: everything that shows a segment refetches.
    [queryKeys.segments.all, queryKeys.leads.all].forEach(
      (queryKey) => void queryClient.invalidateQueries({ queryKey }),
    );
  };
  const remove = useMutation({
    mutationFn: deleteRuleSegment,
    onSuccess: (result) => done(`Deleted: ${result.moved} lead(s) moved.`),
  });
  const error = (remove.error ?? segmentsQuery.error)?.message;

  return (
    <section>
      <h1>Rule segments</h1>
      <p className="muted">
        A lead matching a rule segment is in the first one by priority instead of its learned segment; leads are
        re-evaluated on every event, when a rule changes, and periodically for event windows.
      </p>
      {message && <p role="status">{message}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="table" aria-label="Rule segments">
        <thead>
          <tr>
            <th>Priority</th>
            <th>Name</th>
            <th>Rule</th>
            <th>Leads</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((s) => (
            <tr key={s.id} data-testid={`rule-segment-${s.id}`}>
              <td>{s.priority}</td>
              <td>
                <span className="swatch" style={{ background: s.colour }} /> {s.name}
              </td>
              <td>{s.ruleDescription}</td>
              <td>{s.size}</td>
              <td>
                <button type="button" onClick={() => setEditing(s.id)}>
                  Edit
                </button>{' '}
                <button type="button" onClick={() => remove.mutate(s.id)} disabled={remove.isPending}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rules.length === 0 && <p className="muted">No rule segments yet.</p>}
      {editing === null ? (
        <button type="button" onClick={() => setEditing('new')}>
          New rule segment
        </button>
      ) : (
        <RuleSegmentForm key={editing} initial={rules.find((s) => s.id === editing) ?? null} onDone={done} />
      )}
    </section>
  );
}
