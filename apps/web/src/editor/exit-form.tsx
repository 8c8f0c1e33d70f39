import type { NodeFormProps } from './node-form-props';

/** Form of an `exit` node. */
export function ExitForm({ config, onChange }: NodeFormProps<'exit'>) {
  return (
    <label className="field">
      Reason
      <input value={config.reason} onChange={(e) => onChange({ reason: e.target.value })} />
    </label>
  );
}
