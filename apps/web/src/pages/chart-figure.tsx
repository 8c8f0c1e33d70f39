import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/** A column of a chart's data table: its header and the cell of one datum. */
export interface Column<T> {
  header: string;
  value: (datum: T) => string | number | null;
}

/**
 * A chart with its accessible name and caption, and the same numbers as a table under "Data" (for screen readers and
 * anyone who wants the figures).
 */
export function ChartFigure<T>(props: {
  title: string;
  data: T[];
  columns: Column<T>[];
  height: number;
  empty: string;
  children: ReactElement;
}) {
  const { title, data, columns, height, empty, children } = props;
  return (
    <figure className="chart-figure" aria-label={title}>
      <figcaption>{title}</figcaption>
      {data.length ? (
        <>
          <div className="chart-figure__plot" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          </div>
          <details>
            <summary>Data</summary>
            <table className="table" aria-label={`${title}: data`}>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.header}>{c.header}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.map((d, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c.header}>{c.value(d) ?? '—'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </figure>
  );
}
