/**
 * The value of one series in Prometheus' text format (`name{labels} value` lines), 0 when the series is absent (a
 * counter not yet incremented).
 *
 * @example
 * sampleOf(text, 'segflow_ingest_events_total{result="accepted"}');
 */
export function sampleOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
