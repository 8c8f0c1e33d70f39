const DAY = 86_400_000;

/**
 * The whole UTC days inside `[from, to)`, as instants `[from, to)`: the part of a range the per-day roll-ups answer;
 * the raw rows answer the rest (`[range.from, days.from)` and `[days.to, range.to)`). A range with no whole day
 * yields an empty span at `to`, so the raw rows answer all of it.
 *
 * @example wholeDays(new Date('2026-01-01T12:00Z'), new Date('2026-01-04T06:00Z'))
 *   // → { from: 2026-01-02T00:00Z, to: 2026-01-04T00:00Z }
 */
export function wholeDays(from: Date, to: Date): { from: Date; to: Date } {
  const first = Math.ceil(from.getTime() / DAY) * DAY;
  const end = Math.floor(to.getTime() / DAY) * DAY;
  return first < end ? { from: new Date(first), to: new Date(end) } : { from: to, to };
}
