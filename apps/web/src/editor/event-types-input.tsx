import { EVENT_TYPES } from '@segflow/scoring';
import { useEffect, useState } from 'react';

const LIST_ID = 'segflow-event-types';

/** The datalist of known event types; rendered once by the editor. */
export function EventTypeOptions() {
  return (
    <datalist id={LIST_ID}>
      {EVENT_TYPES.map((type) => (
        <option key={type} value={type} />
      ))}
    </datalist>
  );
}

/** One event type with suggestions from the ingest taxonomy. */
export function EventTypeInput({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="field">
      {label}
      <input list={LIST_ID} value={value} onChange={(e) => onChange(e.target.value.trim())} />
    </label>
  );
}

function parseList(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** A comma-separated list of event types. */
export function EventTypesInput({ label, value, onChange }: { label: string; value: string[]; onChange: (value: string[]) => void }) {
  const [text, setText] = useState(value.join(', '));
  // Re-sync when the value changes from outside (undo, another node selected).
  useEffect(() => {
    if (parseList(text).join(',') !== value.join(',')) setText(value.join(', '));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <label className="field">
      {label}
      <input
        list={LIST_ID}
        value={text}
        placeholder="email_reply, demo_booked"
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseList(e.target.value));
        }}
      />
      <small className="muted">Comma separated.</small>
    </label>
  );
}
