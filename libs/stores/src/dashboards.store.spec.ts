import { DIMENSIONS, fetchDrillDownRows, listDrillDown, summarizeDashboard, type Dimension } from './dashboards.store';
import type { Queryable } from './queryable';

/** A Queryable that records what it was sent and answers no rows. */
function recorder(): Queryable & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    query: async (text: string) => {
      sent.push(text);
      return [];
    },
  };
}

const day = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') };
const range = { ...day, now: day.to, wholeDays: day };

describe('dashboard SQL building', () => {
  it.each(DIMENSIONS)('builds the summary and drill-down of %s from the fixed expressions', async (dimension) => {
    const db = recorder();
    await summarizeDashboard(db, dimension, range);
    await listDrillDown(db, { ...day, now: day.to, groupBy: dimension, key: null, breached: null, limit: 10 });
    expect(db.sent).toHaveLength(2);
    expect(db.sent.join()).not.toContain('undefined');
  });

  it.each(['segment; DROP TABLE leads', 'constructor', '__proto__', ''])(
    'refuses the dimension %j before sending anything',
    async (dimension) => {
      const db = recorder();
      await expect(async () => summarizeDashboard(db, dimension as Dimension, range)).rejects.toThrow(
        /unknown dashboard dimension/,
      );
      await expect(async () =>
        listDrillDown(db, {
          ...day,
          now: day.to,
          groupBy: dimension as Dimension,
          key: null,
          breached: null,
          limit: 1,
        }),
      ).rejects.toThrow(/unknown dashboard dimension/);
      expect(db.sent).toEqual([]);
    },
  );

  it('fetches a positive whole number of cursor rows only', async () => {
    const db = recorder();
    for (const rows of [0, -1, 1.5, Number.NaN])
      expect(() => fetchDrillDownRows(db, rows)).toThrow(/rows must be a positive integer/);
    await fetchDrillDownRows(db, 1000);
    expect(db.sent).toEqual(['FETCH 1000 FROM drill_down']);
  });
});
