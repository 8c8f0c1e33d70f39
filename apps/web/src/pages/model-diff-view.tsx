import type { SegmentModelDiff } from '@segflow/api-contracts';

/** The candidate-vs-active diff: segment sizes before/after and how many leads move where. */
export function ModelDiffView({ diff }: { diff: SegmentModelDiff }) {
  const nameOf = (id: string | null) =>
    id === null ? 'no segment' : (diff.sizes.find((s) => s.segmentId === id)?.name ?? id);
  const moves = diff.moved.filter((m) => m.from !== m.to && m.count > 0);
  return (
    <div className="model-diff" data-testid="model-diff">
      <p>
        <strong>{diff.movedLeads}</strong> leads would change segment.
      </p>
      <table className="table table--compact" aria-label="Segment sizes">
        <thead>
          <tr>
            <th>Segment</th>
            <th>Change</th>
            <th>Now</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {diff.sizes.map((s) => (
            <tr
              key={s.segmentId}
              className={`diff-${s.origin === 'kept' ? 'changed' : s.origin === 'added' ? 'added' : 'removed'}`}
            >
              <td>{s.name}</td>
              <td>{s.origin}</td>
              <td>{s.before}</td>
              <td>{s.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {moves.length > 0 && (
        <table className="table table--compact" aria-label="Lead moves">
          <thead>
            <tr>
              <th>From</th>
              <th>To</th>
              <th>Leads</th>
            </tr>
          </thead>
          <tbody>
            {moves.map((m, i) => (
              <tr key={i}>
                <td>{nameOf(m.from)}</td>
                <td>{nameOf(m.to)}</td>
                <td>{m.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
