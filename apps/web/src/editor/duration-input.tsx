import { useState } from 'react';
import { DURATION_UNITS, toDurationParts, toMinutes, type DurationUnit } from './duration';

/** A number of minutes edited as a value and a unit (minutes, hours, days). */
export function DurationInput({
  label,
  minutes,
  onChange,
}: {
  label: string;
  minutes: number;
  onChange: (minutes: number) => void;
}) {
  const parts = toDurationParts(minutes);
  // Keep the unit the user chose even when the value would display better in another one.
  const [unit, setUnit] = useState<DurationUnit>(parts.unit);
  const value = minutes / (DURATION_UNITS.find((u) => u.unit === unit)?.minutes ?? 1);
  return (
    <label className="field">
      {label}
      <span className="field__row">
        <input
          type="number"
          min={0}
          step="any"
          aria-label={`${label} value`}
          value={Number.isInteger(value) ? value : Number(value.toFixed(2))}
          onChange={(e) => onChange(toMinutes(Number(e.target.value), unit))}
        />
        <select
          aria-label={`${label} unit`}
          value={unit}
          onChange={(e) => {
            const next = e.target.value as DurationUnit;
            setUnit(next);
            onChange(toMinutes(value, next));
          }}
        >
          {DURATION_UNITS.map((u) => (
            <option key={u.unit} value={u.unit}>
              {u.unit}
            </option>
          ))}
        </select>
      </span>
    </label>
  );
}
