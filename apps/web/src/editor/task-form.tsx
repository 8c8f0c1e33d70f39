import type { TaskConfig } from '@segflow/playbook';
import { DurationInput } from './duration-input';
import type { NodeFormProps } from './node-form-props';
import { TemplateField } from './template-field';

/** Form of a `task` node. */
export function TaskForm({ config, onChange, lead }: NodeFormProps<'task'>) {
  const set = (patch: Partial<TaskConfig>) => onChange({ ...config, ...patch });
  return (
    <>
      <label className="field">
        Task type
        <select value={config.taskType} onChange={(e) => set({ taskType: e.target.value as TaskConfig['taskType'] })}>
          <option value="call">call</option>
          <option value="linkedin">linkedin</option>
          <option value="custom">custom</option>
        </select>
      </label>
      <TemplateField label="Title" value={config.title} lead={lead} onChange={(title) => set({ title })} />
      <label className="field">
        Notes for the rep
        <textarea
          rows={3}
          value={config.description ?? ''}
          onChange={(e) => set({ description: e.target.value || undefined })}
        />
      </label>
      <label className="field">
        Priority
        <select value={config.priority} onChange={(e) => set({ priority: e.target.value as TaskConfig['priority'] })}>
          {(['low', 'normal', 'high', 'urgent'] as const).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <DurationInput
        label="Due after"
        minutes={config.dueInMinutes}
        onChange={(dueInMinutes) => set({ dueInMinutes })}
      />
      <label className="field field--check">
        <input
          type="checkbox"
          checked={config.waitForCompletion}
          onChange={(e) => set({ waitForCompletion: e.target.checked })}
        />
        Wait until the task is done (Done / Timed out paths)
      </label>
      {config.waitForCompletion && (
        <DurationInput
          label="Give up after"
          minutes={config.timeoutMinutes}
          onChange={(timeoutMinutes) => set({ timeoutMinutes })}
        />
      )}
    </>
  );
}
