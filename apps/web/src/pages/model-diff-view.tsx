import type { SegmentModelDiff } from '../api/segments';

function Value({ value }: { value: unknown }) {
  if (Array.isArray(value)) {
    const rows = value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
    if (rows.length === 0) return <span>{value.map(String).join(', ') || '—'}</span>;
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => typeof rows[0]![c] !== 'object');
    return (
      <table className="table table--compact">
        <thead><tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
        <tbody>{rows.map((row, i) => <tr key={i}>{columns.map((c) => <td key={c}>{typeof row[c] === 'number' ? Number(row[c]).toLocaleString(undefined, { maximumFractionDigits: 3 }) : String(row[c] ?? '')}</td>)}</tr>)}</tbody>
      </table>
    );
  }
  if (typeof value === 'object' && value !== null) return <ModelDiffView diff={value as SegmentModelDiff} />;
  return <span>{typeof value === 'number' ? value.toLocaleString(undefined, { maximumFractionDigits: 3 }) : String(value)}</span>;
}

/** The candidate-vs-active diff from the segments API, shown as tables and values (whatever its exact shape). */
export function ModelDiffView({ diff }: { diff: SegmentModelDiff }) {
  return (
    <dl className="model-diff">
      {Object.entries(diff).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd><Value value={value} /></dd>
        </div>
      ))}
    </dl>
  );
}
