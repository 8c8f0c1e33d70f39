import type { PlaybookSettings } from '@segflow/playbook';
import { EventTypesInput } from './event-types-input';

/**
 * Playbook-wide settings: goal events, quiet hours, daily touch cap, re-entry policy; and the lead events its runs
 * will hear (`eventTypesHeardBy`), since no other event reaches a run.
 */
export function SettingsForm({
  settings,
  heardEvents,
  onChange,
}: {
  settings: PlaybookSettings;
  heardEvents: readonly string[];
  onChange: (settings: PlaybookSettings) => void;
}) {
  const set = (patch: Partial<PlaybookSettings>) => onChange({ ...settings, ...patch });
  const quiet = settings.quietHours ?? null;
  return (
    <form className="node-form" aria-label="Playbook settings" onSubmit={(e) => e.preventDefault()}>
      <h3>Playbook settings</h3>
      <EventTypesInput
        label="Goal events (convert the run at any point)"
        value={settings.goalEvents}
        onChange={(goalEvents) => set({ goalEvents })}
      />
      <p className="muted" data-testid="heard-events">
        Runs hear {heardEvents.join(', ')}: the goal events, what its waits and goals wait for and its branches ask
        about. No other lead event reaches them.
      </p>
      <label className="field field--check">
        <input
          type="checkbox"
          checked={quiet !== null}
          onChange={(e) => set({ quietHours: e.target.checked ? { start: '20:00', end: '08:00' } : null })}
        />
        Quiet hours (lead's local time; sends wait until they end)
      </label>
      {quiet && (
        <div className="field__row">
          <label className="field">
            From
            <input
              type="time"
              value={quiet.start}
              onChange={(e) => set({ quietHours: { ...quiet, start: e.target.value } })}
            />
          </label>
          <label className="field">
            To
            <input
              type="time"
              value={quiet.end}
              onChange={(e) => set({ quietHours: { ...quiet, end: e.target.value } })}
            />
          </label>
        </div>
      )}
      <label className="field">
        Most touches per lead per day
        <input
          type="number"
          min={1}
          max={50}
          placeholder="no cap"
          value={settings.maxTouchesPerDay ?? ''}
          onChange={(e) => set({ maxTouchesPerDay: e.target.value ? Number(e.target.value) : null })}
        />
      </label>
      <label className="field">
        Re-entry
        <select
          value={settings.reentry.policy}
          onChange={(e) => {
            const policy = e.target.value as PlaybookSettings['reentry']['policy'];
            set({ reentry: policy === 'afterDays' ? { policy, days: 30 } : { policy } });
          }}
        >
          <option value="never">a lead runs this playbook once</option>
          <option value="afterDays">again after some days</option>
          <option value="always">every time it joins the segment</option>
        </select>
      </label>
      {settings.reentry.policy === 'afterDays' && (
        <label className="field">
          Days before re-entry
          <input
            type="number"
            min={1}
            max={3650}
            value={settings.reentry.days}
            onChange={(e) => set({ reentry: { policy: 'afterDays', days: Number(e.target.value) } })}
          />
        </label>
      )}
    </form>
  );
}
