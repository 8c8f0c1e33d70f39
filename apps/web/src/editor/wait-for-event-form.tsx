import { DurationInput } from './duration-input';
import { EventTypesInput } from './event-types-input';
import type { NodeFormProps } from './node-form-props';

/** Form of a `waitForEvent` node. */
export function WaitForEventForm({ config, onChange }: NodeFormProps<'waitForEvent'>) {
  return (
    <>
      <EventTypesInput
        label="Continue when one of these happens"
        value={config.eventTypes}
        onChange={(eventTypes) => onChange({ ...config, eventTypes })}
      />
      <DurationInput
        label="Time out after"
        minutes={config.timeoutMinutes}
        onChange={(timeoutMinutes) => onChange({ ...config, timeoutMinutes })}
      />
    </>
  );
}
