/** Minutes with one decimal, or an em dash. */
export const formatMinutes = (ms: number | null) => (ms === null ? '—' : `${(ms / 60_000).toFixed(1)} min`);
/** A rate as a whole percentage, or an em dash. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
