import type { WaitConfig } from '@segflow/playbook';
import { BusinessWindowPicker } from './business-window-picker';
import { DurationInput } from './duration-input';
import type { NodeFormProps } from './node-form-props';

const DEFAULT_CALENDAR = {
  timeZone: 'lead',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
  holidays: [],
};

/** Form of a `wait` node: a duration, or until the next business window. */
export function WaitForm({ config, onChange }: NodeFormProps<'wait'>) {
  const setMode = (mode: WaitConfig['mode']) =>
    onChange(mode === 'duration' ? { mode, minutes: 24 * 60 } : { mode, calendar: structuredClone(DEFAULT_CALENDAR) });
  return (
    <>
      <label className="field">
        Wait
        <select value={config.mode} onChange={(e) => setMode(e.target.value as WaitConfig['mode'])}>
          <option value="duration">for a duration</option>
          <option value="businessWindow">until business hours</option>
        </select>
      </label>
      {config.mode === 'duration' ? (
        <DurationInput
          label="Duration"
          minutes={config.minutes}
          onChange={(minutes) => onChange({ mode: 'duration', minutes })}
        />
      ) : (
        <BusinessWindowPicker
          calendar={config.calendar}
          onChange={(calendar) => onChange({ mode: 'businessWindow', calendar })}
        />
      )}
    </>
  );
}
