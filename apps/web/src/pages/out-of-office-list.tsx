import type { RepCalendar } from '@segflow/api-contracts';
import { useState } from 'react';
import { addOutOfOffice, removeOutOfOffice } from '../api/calendars';
import { ApiError } from '../api/http';
import { localInputToIso } from './calendar-form';

/** Current and coming out-of-office periods of a rep; adding one pauses their SLA clocks and routing skips them. */
export function OutOfOfficeList({
  repId,
  periods,
  onChanged,
}: {
  repId: string;
  periods: RepCalendar['outOfOffice'];
  onChanged: () => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const startsAt = localInputToIso(from);
    const endsAt = localInputToIso(to);
    if (!startsAt || !endsAt) return setError('Choose when the period starts and ends.');
    try {
      await addOutOfOffice(repId, { startsAt, endsAt, note: note.trim() || null });
      setFrom('');
      setTo('');
      setNote('');
      setError(null);
      onChanged();
    } catch (e) {
      setError(
        e instanceof ApiError && e.issues.length
          ? e.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')
          : (e as Error).message,
      );
    }
  };
  const remove = (periodId: string) =>
    removeOutOfOffice(repId, periodId).then(onChanged, (e: Error) => setError(e.message));

  return (
    <div className="card" aria-label="Out of office">
      <h2>Out of office</h2>
      {periods.length === 0 && <p className="muted">No current or coming periods.</p>}
      <ul className="ooo-list">
        {periods.map((p) => (
          <li key={p.id}>
            {new Date(p.startsAt).toLocaleString()} → {new Date(p.endsAt).toLocaleString()}
            {p.note ? ` · ${p.note}` : ''}{' '}
            <button type="button" className="secondary" onClick={() => void remove(p.id)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label>
          From
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          Until
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Note
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" onClick={() => void add()}>
          Add period
        </button>
      </div>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
