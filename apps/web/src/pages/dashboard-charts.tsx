import { formatMinutes } from '../figures/format';

/** Horizontal bars of two values per row (e.g. TTFT p50 and p90), scaled to the largest. */
export function PairedBarChart({
  rows,
  title,
}: {
  rows: { label: string; a: number | null; b: number | null }[];
  title: string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.a ?? 0, r.b ?? 0]));
  const rowHeight = 26;
  const width = 460;
  const labelWidth = 140;
  const scale = (v: number | null) => ((v ?? 0) / max) * (width - labelWidth - 70);
  return (
    <svg className="chart" role="img" aria-label={title} width={width} height={rows.length * rowHeight + 24}>
      <text x={0} y={12}>
        {title} (p50 dark, p90 light)
      </text>
      {rows.map((row, i) => {
        const y = 20 + i * rowHeight;
        return (
          <g key={row.label}>
            <text x={0} y={y + 14}>
              {row.label.slice(0, 20)}
            </text>
            <rect x={labelWidth} y={y + 2} width={scale(row.b)} height={18} fill="#c7d2fe" />
            <rect x={labelWidth} y={y + 6} width={scale(row.a)} height={10} fill="#3d5afe" />
            <text x={labelWidth + scale(row.b) + 4} y={y + 15}>
              {formatMinutes(row.a)} / {formatMinutes(row.b)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A line per series over time buckets; values are scaled per series so both shapes show. */
export function TrendChart({
  points,
  title,
}: {
  points: { bucket: string; value: number | null; second: number | null }[];
  title: string;
}) {
  const width = 460;
  const height = 160;
  const pad = 24;
  const x = (i: number) => pad + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (width - 2 * pad));
  const path = (values: (number | null)[]) => {
    const max = Math.max(1e-9, ...values.map((v) => v ?? 0));
    return values
      .map(
        (v, i) =>
          `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${(height - pad - ((v ?? 0) / max) * (height - 2 * pad)).toFixed(1)}`,
      )
      .join(' ');
  };
  return (
    <svg className="chart" role="img" aria-label={title} width={width} height={height}>
      <text x={0} y={12}>
        {title} (TTFT p50 blue, breach rate red)
      </text>
      <path d={path(points.map((p) => p.value))} fill="none" stroke="#3d5afe" strokeWidth={2} />
      <path d={path(points.map((p) => p.second))} fill="none" stroke="#b42318" strokeWidth={2} strokeDasharray="4 3" />
      {points.map((p, i) => (
        <text key={p.bucket} x={x(i) - 14} y={height - 6}>
          {p.bucket.slice(5, 10)}
        </text>
      ))}
    </svg>
  );
}
