import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';
import { CSV_BATCH_ROWS, DRILL_DOWN_PAGE } from './dashboards.service';

const FORMULA_NAME = "-1+1+cmd|' /C calc'!A0";
const ROWS = 2 * CSV_BATCH_ROWS + 600;

describe('dashboard CSV export (real Postgres)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let manager: TestUser;
  let segmentId: string;
  const range = `from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
  const get = (url: string) =>
    api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${manager.token}` } });

  beforeAll(async () => {
    api = await startTestApi();
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    manager = await api.createUser({ role: 'manager' });
    segmentId = await fx.segment('Export');
    const leadId = await fx.lead({ name: FORMULA_NAME });
    await fx.db.query(`UPDATE leads SET company = '=HYPERLINK("http://evil.example")' WHERE id = $1`, [leadId]);
    // More clocks than the JSON page and than one cursor batch; delays negative on purpose (numbers must stay numbers).
    await fx.db.query(
      `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, entered_at, due_at, ttft_ms, system_delay_ms)
       SELECT gen_random_uuid(), $1, $2, now() - i * interval '1 second', now(), 60000, -1.5 FROM generate_series(1, $3) AS i`,
      [leadId, segmentId, ROWS],
    );
  });
  afterAll(async () => {
    await fx?.close();
    await api?.close();
  });

  it('streams every row of the drill-down, with no silent cap', async () => {
    expect(
      (await api.requestAs(manager, 'GET', `/api/dashboards/leads?groupBy=segment&key=${segmentId}&${range}`)).body,
    ).toHaveLength(DRILL_DOWN_PAGE);
    const csv = await get(`/api/dashboards/leads.csv?groupBy=segment&key=${segmentId}&${range}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="segflow-leads.csv"');
    expect(csv.body.trim().split('\r\n')).toHaveLength(1 + ROWS);
    const limited = await get(`/api/dashboards/leads.csv?groupBy=segment&key=${segmentId}&limit=10&${range}`);
    expect(limited.body.trim().split('\r\n')).toHaveLength(11);
  });

  it('starts with a UTF-8 BOM, escapes formula cells and keeps negative numbers numeric', async () => {
    for (const url of [
      `/api/dashboards/leads.csv?groupBy=segment&key=${segmentId}&limit=1&${range}`,
      `/api/dashboards/summary.csv?${range}`,
    ]) {
      expect([...(await get(url)).rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const [header, row] = (
      await get(`/api/dashboards/leads.csv?groupBy=segment&key=${segmentId}&limit=1&${range}`)
    ).body
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const cells = Object.fromEntries(header!.split(',').map((name, i) => [name, i]));
    // No cell of the row is quoted with a comma inside, so splitting on commas is safe here.
    const values = row!.split(',');
    expect(values[cells.leadName!]).toBe(`'${FORMULA_NAME}`);
    expect(values[cells.company!]).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(values[cells.systemDelayMs!]).toBe('-1.5');
    expect(values[cells.ttftMs!]).toBe('60000');
  });
});
