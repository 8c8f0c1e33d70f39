import './inbox.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { InboxItem, TaskOutcome } from '@segflow/api-contracts';
import {
  addTaskNote,
  completeTask,
  CONFIRM_UNSUBSCRIBE_TASK_TYPE,
  confirmUnsubscribe,
  INBOX_STREAM_URL,
  listInbox,
  listReps,
  reassignTask,
  snoozeTask,
  TASK_OUTCOMES,
} from '../api/inbox';
import { useCurrentUser } from '../auth/session';
import { CHANGED_BY_TASKS, queryKeys } from '../query/keys';
import { useServerChanges } from '../query/use-server-changes';
import { IntentBadge } from './intent-badge';

/** Polling interval while the live stream is down. */
const FALLBACK_REFRESH_MS = 5_000;
const HOUR = 3_600_000;

/** `/inbox`: a rep's open tasks in rank order (SLA urgency, priority, likelihood), updated live; managers pick a rep. */
export function InboxPage() {
  const user = useCurrentUser();
  const isManager = user?.role === 'manager' || user?.role === 'admin';
  const [repId, setRepId] = useState<string | undefined>(undefined);
  const reps = useQuery({
    queryKey: queryKeys.reps.all,
    queryFn: listReps,
    enabled: isManager,
    refetchInterval: 60_000,
  });
  const shownRep = isManager ? repId : undefined;
  const inbox = useQuery({ queryKey: queryKeys.inbox.list(shownRep), queryFn: () => listInbox(shownRep) });
  const live = useServerChanges(INBOX_STREAM_URL, CHANGED_BY_TASKS, FALLBACK_REFRESH_MS);

  return (
    <section className="inbox">
      <header className="inbox__header">
        <h1>Inbox</h1>
        <span role="status" aria-label="Inbox updates" className="muted">
          {live ? 'Live' : `Not live: checking every ${FALLBACK_REFRESH_MS / 1000} s`}
        </span>
        {isManager && (
          <label>
            Rep
            <select aria-label="Rep" value={repId ?? ''} onChange={(e) => setRepId(e.target.value || undefined)}>
              <option value="">Everyone</option>
              {(reps.data ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {inbox.error && (
        <p role="alert" className="error">
          {inbox.error.message}
        </p>
      )}
      {inbox.data?.length === 0 && <p className="muted">No open tasks. New ones appear here by themselves.</p>}
      <ol className="inbox__list" aria-label="Open tasks">
        {(inbox.data ?? []).map((item, index) => (
          <InboxCard key={item.id} item={item} position={index + 1} reps={isManager ? (reps.data ?? []) : null} />
        ))}
      </ol>
    </section>
  );
}

/** Runs one action on a task, then refetches what a task change touches. */
function useTaskAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSuccess: () => Promise.all(CHANGED_BY_TASKS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

interface InboxCardProps {
  item: InboxItem;
  /** 1-based place in the ranked list. */
  position: number;
  reps: { id: string; name: string }[] | null;
}

function InboxCard({ item, position, reps }: InboxCardProps) {
  const [outcome, setOutcome] = useState<TaskOutcome>('connected');
  const [note, setNote] = useState('');
  const action = useTaskAction();
  const act = (run: () => Promise<unknown>) => () => action.mutateAsync(run).catch(() => undefined);
  const leadName = item.lead.name ?? item.lead.email ?? item.lead.id;
  return (
    <li
      className={`card inbox-card${item.slaBreached ? ' inbox-card--breached' : ''}`}
      aria-label={`Task for ${leadName}`}
    >
      <div className="inbox-card__top">
        <strong>{leadName}</strong>
        <span className="muted">{item.lead.company}</span>
        <SlaBadge item={item} />
      </div>
      <div className="inbox-card__title">
        {item.title}
        {item.replyIntent && <IntentBadge intent={item.replyIntent} />}
      </div>
      {item.taskType === CONFIRM_UNSUBSCRIBE_TASK_TYPE && item.description && (
        <p className="inbox-card__ask">{item.description}</p>
      )}
      {item.touch && <TouchMessage body={item.touch.body} linkedinUrl={item.lead.linkedinUrl} />}
      <div className="muted">
        {item.segment ? `Segment: ${item.segment.name}` : 'No segment'}
        {item.step
          ? ` · Playbook: ${item.step.playbookName} v${item.step.version}${item.step.nodeId ? ` (${item.step.nodeId})` : ''}`
          : ''}
        {` · score ${item.score.toFixed(1)}`}
      </div>
      <p className="inbox-card__rank" aria-label={position === 1 ? 'Why this is first' : `Why this is #${position}`}>
        <strong>{position === 1 ? 'Why this is first' : `Why #${position}`}:</strong> {item.rank.why}
        <span className="muted"> (rank {item.rank.value.toFixed(2)})</span>
      </p>
      <ul className="inbox-card__why" aria-label="Why now">
        {item.whyNow.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div className="inline-form">
        {item.taskType === CONFIRM_UNSUBSCRIBE_TASK_TYPE && (
          <button type="button" className="danger" onClick={act(() => confirmUnsubscribe(item.id))}>
            Confirm unsubscribe
          </button>
        )}
        <label>
          Outcome
          <select aria-label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as TaskOutcome)}>
            {TASK_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={act(() => completeTask(item.id, outcome))}>
          Complete
        </button>
        <button
          type="button"
          className="secondary"
          onClick={act(() => snoozeTask(item.id, new Date(Date.now() + HOUR)))}
        >
          Snooze 1 h
        </button>
        <label>
          Note
          <input aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!note.trim()}
          onClick={act(async () => {
            await addTaskNote(item.id, note);
            setNote('');
          })}
        >
          Add note
        </button>
        {reps && (
          <label>
            Reassign
            <select
              aria-label="Reassign to"
              value=""
              onChange={(e) => e.target.value && void act(() => reassignTask(item.id, e.target.value))()}
            >
              <option value="">—</option>
              {reps
                .filter((r) => r.id !== item.assigneeId)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
            </select>
          </label>
        )}
      </div>
      {action.error && (
        <p role="alert" className="error">
          {action.error.message}
        </p>
      )}
    </li>
  );
}

/**
 * The rendered LinkedIn message a rep sends by hand, with a copy button. Where the clipboard is refused (an insecure
 * origin, a denied permission) the message is selected instead, for the rep to copy with the keyboard.
 */
function TouchMessage({ body, linkedinUrl }: { body: string; linkedinUrl: string | null }) {
  const text = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(body);
      setCopied('Copied');
    } catch {
      text.current?.focus();
      text.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy');
    }
  };
  return (
    <div className="inbox-card__touch">
      <textarea
        ref={text}
        aria-label="LinkedIn message"
        readOnly
        value={body}
        rows={Math.min(8, body.split('\n').length + 1)}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="inline-form">
        <button type="button" className="secondary" aria-label="Copy message" onClick={() => void copy()}>
          Copy message
        </button>
        {linkedinUrl && (
          <a href={linkedinUrl} target="_blank" rel="noopener noreferrer">
            Open LinkedIn profile
          </a>
        )}
        <span role="status" aria-label="Copy status" className="muted">
          {copied}
        </span>
      </div>
    </div>
  );
}

function SlaBadge({ item }: { item: InboxItem }) {
  if (!item.slaDueAt) return null;
  const minutes = Math.round((new Date(item.slaDueAt).getTime() - Date.now()) / 60_000);
  if (item.slaBreached || minutes < 0) return <span className="badge badge--bad">SLA missed</span>;
  return <span className="badge">first touch due in {minutes} min</span>;
}
