import { REPLY_INTENTS } from '@segflow/intent';
import { isReplyEventType } from '@segflow/events';
import {
  channelSchema,
  playbookSchema,
  simulateRun,
  type Channel,
  type LeadContext,
  type Playbook,
  type SimulationResult,
} from '@segflow/playbook';
import { useState } from 'react';
import { DurationInput } from './duration-input';
import { EventTypeInput } from './event-types-input';
import { formatKeyValues, parseKeyValues, toSimulationItems, type TimelineRow } from './simulation-timeline';
import { SimulationLeadForm } from './simulation-lead-form';

function localInputValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

function TimelineRowEditor({
  row,
  onChange,
  onRemove,
}: {
  row: TimelineRow;
  onChange: (row: TimelineRow) => void;
  onRemove: () => void;
}) {
  return (
    <li className="timeline-row">
      <DurationInput
        label="After"
        minutes={row.afterMinutes}
        onChange={(afterMinutes) => onChange({ ...row, afterMinutes })}
      />
      {row.kind === 'event' && (
        <>
          <EventTypeInput
            label="Event"
            value={row.eventType}
            onChange={(eventType) => onChange({ ...row, eventType })}
          />
          <label className="field">
            Channel
            <select
              value={row.channel ?? ''}
              onChange={(e) => onChange({ ...row, channel: (e.target.value || undefined) as Channel | undefined })}
            >
              <option value="">none</option>
              {channelSchema.options.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          {isReplyEventType(row.eventType) && (
            <label className="field">
              Reply intent
              <select
                value={row.intent ?? ''}
                onChange={(e) => onChange({ ...row, intent: e.target.value || undefined })}
              >
                <option value="">not classified</option>
                {REPLY_INTENTS.map((intent) => (
                  <option key={intent} value={intent}>
                    {intent.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      {row.kind === 'taskCompleted' && (
        <label className="field">
          Task node
          <input value={row.nodeId} onChange={(e) => onChange({ ...row, nodeId: e.target.value })} />
        </label>
      )}
      {row.kind === 'exit' && (
        <label className="field">
          Leaves segment because
          <input value={row.reason} onChange={(e) => onChange({ ...row, reason: e.target.value })} />
        </label>
      )}
      <button type="button" className="link" onClick={onRemove}>
        remove
      </button>
    </li>
  );
}

/**
 * Runs the draft through the pure interpreter with a simulated clock for a synthetic (or real) lead and a
 * timeline of what the lead does; the path is shown here and highlighted on the canvas.
 */
export function SimulatePanel({
  playbook,
  lead,
  onLeadChange,
  onResult,
}: {
  playbook: Playbook;
  lead: LeadContext;
  onLeadChange: (lead: LeadContext) => void;
  onResult: (result: SimulationResult | null) => void;
}) {
  const [startAt, setStartAt] = useState(() => localInputValue(new Date()));
  const [rows, setRows] = useState<TimelineRow[]>([]);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = () => {
    const parsed = playbookSchema.safeParse(playbook);
    if (!parsed.success) {
      setError('Fix the form errors in the issues list before simulating.');
      return;
    }
    const start = new Date(startAt);
    const simulation = simulateRun({
      playbook: parsed.data,
      lead,
      startAt: start,
      events: toSimulationItems(rows, start),
    });
    setError(null);
    setResult(simulation);
    onResult(simulation);
  };
  const add = (kind: TimelineRow['kind']) =>
    setRows([
      ...rows,
      kind === 'event'
        ? { kind, afterMinutes: 24 * 60, eventType: 'email_reply' }
        : kind === 'exit'
          ? { kind, afterMinutes: 24 * 60, reason: 'left segment' }
          : { kind, afterMinutes: 60, nodeId: '' },
    ]);

  return (
    <section className="simulate-panel" aria-label="Simulate">
      <h3>Simulate a lead</h3>
      <SimulationLeadForm
        lead={lead}
        onChange={onLeadChange}
        attributesText={formatKeyValues(lead.attributes)}
        onAttributes={(text) => onLeadChange({ ...lead, attributes: parseKeyValues(text) })}
      />
      <label className="field">
        Lead joins the segment at
        <input type="datetime-local" value={startAt} onChange={(e) => setStartAt(e.target.value)} />
      </label>
      <h4>What the lead does</h4>
      <ol className="timeline-rows">
        {rows.map((row, index) => (
          <TimelineRowEditor
            key={index}
            row={row}
            onChange={(next) => setRows(rows.map((r, i) => (i === index ? next : r)))}
            onRemove={() => setRows(rows.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => add('event')}>
          + event
        </button>
        <button type="button" onClick={() => add('taskCompleted')}>
          + task done
        </button>
        <button type="button" onClick={() => add('exit')}>
          + leaves segment
        </button>
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={run}>
          Run simulation
        </button>
        {result && (
          <button
            type="button"
            onClick={() => {
              setResult(null);
              onResult(null);
            }}
          >
            Clear
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result && (
        <div data-testid="simulation-result">
          <p>
            Run <strong>{result.state.status}</strong>
            {result.state.reason ? ` (${result.state.reason})` : ''} after {result.path.length} steps; stopped:{' '}
            {result.stoppedBecause}.
          </p>
          <ol className="sim-path">
            {result.path.map((entry, index) => (
              <li key={index}>
                <time dateTime={entry.enteredAt}>{new Date(entry.enteredAt).toLocaleString()}</time>{' '}
                <strong>{entry.nodeId}</strong>
                {entry.outcome ? ` → ${entry.outcome}` : ' (waiting)'}
                {entry.note ? <span className="muted"> · {entry.note}</span> : null}
              </li>
            ))}
          </ol>
          <p className="muted">
            {result.commands.filter((c) => c.command.kind === 'sendTouch' || c.command.kind === 'createTask').length}{' '}
            touches/tasks would be created.
          </p>
        </div>
      )}
    </section>
  );
}
