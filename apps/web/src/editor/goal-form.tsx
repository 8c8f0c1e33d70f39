import { DurationInput } from './duration-input';
import { EventTypesInput } from './event-types-input';
import type { NodeFormProps } from './node-form-props';

/** Form of a `goal` node: the events that count as conversion and how long to wait for one. */
export function GoalForm({ config, onChange }: NodeFormProps<'goal'>) {
  return (
    <>
      <EventTypesInput
        label="Goal events"
        value={config.eventTypes}
        onChange={(eventTypes) => onChange({ ...config, eventTypes })}
      />
      <DurationInput
        label="Wait for a goal event up to"
        minutes={config.windowMinutes}
        onChange={(windowMinutes) => onChange({ ...config, windowMinutes })}
      />
    </>
  );
}
