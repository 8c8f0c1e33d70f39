// Kept apart from hh-mm.ts's zod schema: the workflow bundle needs this function, not zod (every workflow
// instantiation evaluates the bundle's modules, and zod's were most of that cost).
/**
 * Converts `HH:MM` into minutes after local midnight. Expects input already validated by `hhMmSchema`.
 *
 * @example
 * minutesOfHhMm('09:30'); // 570
 * minutesOfHhMm('24:00'); // 1440
 */
export function minutesOfHhMm(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
