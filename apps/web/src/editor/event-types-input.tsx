import { EVENT_TYPES, type EventType } from '@segflow/events';

/**
 * One event type, chosen from the event vocabulary (libs/events): a playbook can only name events that POST /api/events accepts,
 * so a select (not free text) keeps the draft valid while the user edits.
 */
export function EventTypeInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: EventType) => void;
}) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as EventType)}>
        {!EVENT_TYPES.includes(value as EventType) && <option value={value}>{value || 'choose…'}</option>}
        {EVENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Several event types from the vocabulary, as a group of checkboxes. */
export function EventTypesInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: readonly EventType[];
  onChange: (value: EventType[]) => void;
}) {
  const toggle = (type: EventType, on: boolean) =>
    onChange(on ? EVENT_TYPES.filter((t) => t === type || value.includes(t)) : value.filter((t) => t !== type));
  return (
    <fieldset className="field event-types">
      <legend>{label}</legend>
      {EVENT_TYPES.map((type) => (
        <label key={type} className="checkbox">
          <input type="checkbox" checked={value.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
          {type}
        </label>
      ))}
    </fieldset>
  );
}
