import type { SplitVariant } from '@segflow/playbook';
import type { NodeFormProps } from './node-form-props';

function nextKey(variants: SplitVariant[]): string {
  const letters = 'abcdefghij';
  return [...letters].find((l) => !variants.some((v) => v.key === l)) ?? `v${variants.length + 1}`;
}

/** Form of a `split` node: variants with weights (one out handle each). */
export function SplitForm({ config, onChange }: NodeFormProps<'split'>) {
  const variants = config.variants;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const setVariant = (index: number, patch: Partial<SplitVariant>) =>
    onChange({ variants: variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) });
  const add = () => {
    const key = nextKey(variants);
    onChange({ variants: [...variants, { key, label: `Variant ${key.toUpperCase()}`, weight: 0 }] });
  };
  return (
    <fieldset className="field">
      <legend>Variants</legend>
      {variants.map((variant, index) => (
        <div className="field__row" key={index}>
          <input
            aria-label="Variant key"
            className="narrow"
            value={variant.key}
            onChange={(e) => setVariant(index, { key: e.target.value })}
          />
          <input
            aria-label="Variant label"
            value={variant.label}
            onChange={(e) => setVariant(index, { label: e.target.value })}
          />
          <input
            aria-label="Variant weight"
            className="narrow"
            type="number"
            min={0}
            max={100}
            value={variant.weight}
            onChange={(e) => setVariant(index, { weight: Number(e.target.value) })}
          />
          %
          <button
            type="button"
            className="link"
            disabled={variants.length <= 2}
            onClick={() => onChange({ variants: variants.filter((_, i) => i !== index) })}
          >
            ✕
          </button>
        </div>
      ))}
      <div className={total === 100 ? 'muted' : 'error'}>
        Total {total}%{total === 100 ? '' : ' — must be 100%'}
      </div>
      <button type="button" className="link" disabled={variants.length >= 10} onClick={add}>
        + variant
      </button>
    </fieldset>
  );
}
