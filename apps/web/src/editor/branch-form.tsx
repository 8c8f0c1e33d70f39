import { ConditionEditor } from './condition-editor';
import type { NodeFormProps } from './node-form-props';

/** Form of a `branch` node: the condition that sends the run down Yes. */
export function BranchForm({ config, onChange }: NodeFormProps<'branch'>) {
  return (
    <fieldset className="field">
      <legend>Go down “Yes” when</legend>
      <ConditionEditor condition={config.condition} onChange={(condition) => onChange({ condition })} />
    </fieldset>
  );
}
