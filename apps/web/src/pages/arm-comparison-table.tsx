import type { LiftRow } from '@segflow/api-contracts';
import { viewComparison } from '../figures/arm-comparison';

/** One compared pair: what it is (its first cells) and its comparison. */
export interface ComparedRow {
  key: string;
  cells: string[];
  comparison: LiftRow['comparison'];
}

/**
 * Arms against their controls, a row per outcome (conversions, meetings, replies) with rates, 95 % intervals and
 * the difference, or one row saying there are too few leads yet.
 */
export function ArmComparisonTable(props: {
  label: string;
  headers: string[];
  armHeader: string;
  controlHeader: string;
  rows: ComparedRow[];
}) {
  const { label, headers, armHeader, controlHeader, rows } = props;
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h}>{h}</th>
          ))}
          <th>Outcome</th>
          <th>{armHeader}</th>
          <th>{controlHeader}</th>
          <th>Difference (95% CI, p)</th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap((row) => {
          const view = viewComparison(row.comparison);
          const names = row.cells.map((cell, i) => <td key={i}>{cell}</td>);
          if (view.kind === 'tooFewLeads')
            return [
              <tr key={row.key}>
                {names}
                <td colSpan={4} className="muted">
                  {view.text}
                </td>
              </tr>,
            ];
          return view.lines.map((line) => (
            <tr key={`${row.key}-${line.outcome}`}>
              {names}
              <td>{line.outcome}</td>
              <td>{line.arm}</td>
              <td>{line.control}</td>
              <td>{line.difference}</td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
