import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SlaPolicyRequest, SlaPolicySummary } from '@segflow/api-contracts';
import { useState, type FormEvent } from 'react';
import { createSlaPolicy, deleteSlaPolicy, listSlaPolicies, updateSlaPolicy } from '../api/admin';
import { listPlaybooks } from '../api/playbooks';
import { listSegments } from '../api/segments';
import { TIME_ZONES, withCurrent } from '../editor/time-zones';
import { queryKeys } from '../query/keys';
import { WEEKDAY_NAMES } from './calendar-form';

const WORKDAYS = [1, 2, 3, 4, 5];

/** The policy a form describes; a business clock gets the form's working hours (holidays stay with teams and reps). */
function policyOf(form: FormData): SlaPolicyRequest {
  const clock = form.get('clock') === 'business' ? 'business' : 'wall';
  return {
    segmentId: String(form.get('segmentId')),
    playbookId: String(form.get('playbookId') ?? '') || null,
    firstTouchWithinMinutes: Number(form.get('minutes')),
    clock,
    calendar:
      clock === 'business'
        ? {
            timeZone: String(form.get('timeZone')),
            workingHours: {
              days: form.getAll('day').map(Number),
              start: String(form.get('start')),
              end: String(form.get('end')),
            },
            holidays: [],
          }
        : null,
    reassignOnBreach: form.get('reassign') === 'on',
  };
}

function PolicyForm({
  initial,
  label,
  submitLabel,
  onSubmit,
}: {
  initial: SlaPolicySummary | null;
  label: string;
  submitLabel: string;
  onSubmit: (policy: SlaPolicyRequest) => void;
}) {
  const { data: segments } = useQuery({ queryKey: queryKeys.segments.list, queryFn: listSegments });
  const { data: playbooks } = useQuery({ queryKey: queryKeys.playbooks.list, queryFn: listPlaybooks });
  const [clock, setClock] = useState(initial?.clock ?? 'wall');
  const hours = initial?.calendar?.workingHours;
  const timeZone = initial?.calendar?.timeZone ?? 'Asia/Kolkata';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(policyOf(new FormData(event.currentTarget)));
  };
  return (
    <form className="stacked-form" aria-label={label} onSubmit={submit}>
      <label>
        Segment
        <select name="segmentId" aria-label="Segment" defaultValue={initial?.segmentId} required>
          {(segments ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Playbook
        <select name="playbookId" aria-label="Playbook" defaultValue={initial?.playbookId ?? ''}>
          <option value="">Every playbook of the segment</option>
          {(playbooks ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        First touch within (minutes)
        <input
          name="minutes"
          type="number"
          min={1}
          max={43_200}
          defaultValue={initial?.firstTouchWithinMinutes ?? 60}
          required
        />
      </label>
      <label>
        Clock
        <select
          name="clock"
          aria-label="Clock"
          value={clock}
          onChange={(e) => setClock(e.target.value as 'wall' | 'business')}
        >
          <option value="wall">Wall clock (every minute counts)</option>
          <option value="business">Business hours only</option>
        </select>
      </label>
      {clock === 'business' && (
        <fieldset>
          <legend>Business hours</legend>
          <label>
            Time zone
            <select name="timeZone" aria-label="Time zone" defaultValue={timeZone}>
              {withCurrent(TIME_ZONES, timeZone).map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
          </label>
          {WEEKDAY_NAMES.map((name, i) => (
            <label key={name} className="inline-label">
              <input
                type="checkbox"
                name="day"
                value={i + 1}
                defaultChecked={(hours?.days ?? WORKDAYS).includes(i + 1)}
              />
              {name}
            </label>
          ))}
          <label>
            From
            <input name="start" type="time" defaultValue={hours?.start ?? '09:30'} required />
          </label>
          <label>
            To
            <input name="end" type="time" defaultValue={hours?.end ?? '18:30'} required />
          </label>
        </fieldset>
      )}
      <label className="inline-label">
        <input name="reassign" type="checkbox" defaultChecked={initial?.reassignOnBreach ?? false} />
        Reassign the task to the next rep on a breach
      </label>
      <button type="submit">{submitLabel}</button>
    </form>
  );
}

/** `/admin/sla-policies` (ops, manager): the first-touch targets per segment (and playbook), created, edited, removed. */
export function AdminSlaPoliciesPage() {
  const queryClient = useQueryClient();
  const { data: policies, error: loadError } = useQuery({
    queryKey: queryKeys.slaPolicies.all,
    queryFn: listSlaPolicies,
  });
  const { data: segments } = useQuery({ queryKey: queryKeys.segments.list, queryFn: listSegments });
  const { data: playbooks } = useQuery({ queryKey: queryKeys.playbooks.list, queryFn: listPlaybooks });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const done = () => {
    setEditing(null);
    return queryClient.invalidateQueries({ queryKey: queryKeys.slaPolicies.all });
  };
  const save = useMutation({
    mutationFn: ({ id, policy }: { id: string | null; policy: SlaPolicyRequest }) =>
      id ? updateSlaPolicy(id, policy) : createSlaPolicy(policy),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: deleteSlaPolicy, onSuccess: done });
  const error = (save.error ?? remove.error ?? loadError)?.message;
  const segmentName = (id: string) => segments?.find((s) => s.id === id)?.name ?? id;
  const playbookName = (id: string | null) =>
    id ? (playbooks?.find((p) => p.id === id)?.name ?? id) : 'every playbook';

  return (
    <section>
      <h1>SLA policies</h1>
      <p className="muted">How soon the first touch of a segment entry must happen; a breach notifies the manager.</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="table" aria-label="SLA policies">
        <thead>
          <tr>
            <th>Segment</th>
            <th>Playbook</th>
            <th>First touch within</th>
            <th>Clock</th>
            <th>On breach</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(policies ?? []).map((p) => (
            <tr key={p.id}>
              <td>{segmentName(p.segmentId)}</td>
              <td>{playbookName(p.playbookId)}</td>
              <td>{p.firstTouchWithinMinutes} min</td>
              <td>
                {p.clock === 'business' && p.calendar
                  ? `business hours ${p.calendar.workingHours.start}–${p.calendar.workingHours.end} ${p.calendar.timeZone}`
                  : 'wall clock'}
              </td>
              <td>{p.reassignOnBreach ? 'reassign' : 'notify'}</td>
              <td>
                <button type="button" onClick={() => setEditing(p.id)}>
                  Edit
                </button>{' '}
                <button type="button" onClick={() => remove.mutate(p.id)} disabled={remove.isPending}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {policies?.length === 0 && <p className="muted">No SLA policies yet: first touches are not timed.</p>}
      {editing === null ? (
        <button type="button" onClick={() => setEditing('new')}>
          New policy
        </button>
      ) : (
        <PolicyForm
          key={editing}
          initial={policies?.find((p) => p.id === editing) ?? null}
          label={editing === 'new' ? 'New SLA policy' : 'Edit SLA policy'}
          submitLabel={editing === 'new' ? 'Create policy' : 'Save policy'}
          onSubmit={(policy) => save.mutate({ id: editing === 'new' ? null : editing, policy })}
        />
      )}
    </section>
  );
}
