/** Units a duration field offers. */
export const DURATION_UNITS = [
  { unit: 'minutes', minutes: 1 },
  { unit: 'hours', minutes: 60 },
  { unit: 'days', minutes: 24 * 60 },
] as const;

/** A duration unit. */
export type DurationUnit = (typeof DURATION_UNITS)[number]['unit'];

/**
 * Splits minutes into a value and the largest unit that divides it evenly, for display.
 *
 * @example
 * toDurationParts(2880); // { value: 2, unit: 'days' }
 * toDurationParts(90);   // { value: 90, unit: 'minutes' }
 */
export function toDurationParts(minutes: number): { value: number; unit: DurationUnit } {
  const fit = [...DURATION_UNITS].reverse().find((u) => minutes > 0 && minutes % u.minutes === 0) ?? DURATION_UNITS[0];
  return { value: minutes / fit.minutes, unit: fit.unit };
}

/**
 * Minutes for a value in a unit (rounded to a whole minute).
 *
 * @example
 * toMinutes(3, 'hours'); // 180
 */
export function toMinutes(value: number, unit: DurationUnit): number {
  const factor = DURATION_UNITS.find((u) => u.unit === unit)?.minutes ?? 1;
  return Math.max(0, Math.round(value * factor));
}

/**
 * A short human label for minutes.
 *
 * @example
 * formatMinutes(4320); // '3 days'
 */
export function formatMinutes(minutes: number): string {
  const { value, unit } = toDurationParts(minutes);
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
}
