/** Minutes with one decimal, or an em dash. */
export const formatMinutes = (ms: number | null) => (ms === null ? '—' : `${(ms / 60_000).toFixed(1)} min`);
/** A rate as a whole percentage, or an em dash. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
/** A difference of rates in signed percentage points, `+20.0 pts` or `−3.4 pts` (no difference counts as +). */
export const formatSignedPoints = (difference: number) =>
  `${difference >= 0 ? '+' : '−'}${Math.abs(difference * 100).toFixed(1)} pts`;
