import { emptyFeatureState } from '@segflow/scoring';
import { generateDemoPopulation } from '@segflow/scoring/testing';
import { DataSource } from 'typeorm';
import { vectorOf } from '@segflow/scoring/features';
import { startTestApi, TestApi } from '../testing/test-api';
import { SegmentModelsService } from './segment-models.service';
import { readTrainingLeads } from './read-training-leads';

// The read path the retrain worker had before binary COPY: the whole jsonb state per lead, JSON-parsed by pg.
const JSON_STATE_SQL = `
SELECT l.industry, l.headcount, l.revenue_band, l.funding_stage, f.state, m.segment_id
FROM leads l
LEFT JOIN lead_features f ON f.lead_id = l.id
LEFT JOIN segment_memberships m ON m.lead_id = l.id AND m.left_at IS NULL
ORDER BY l.id`;

describe('training leads: binary COPY read vs the jsonb read it replaced (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  const now = new Date();
  const population = generateDemoPopulation({ leads: 300, seed: 3, now });

  const readAsBefore = async (at: Date) => {
    const rows = await db.query(JSON_STATE_SQL);
    return {
      vectors: rows.map((r: any) => vectorOf(r.state ?? emptyFeatureState(), r, at)),
      current: rows.map((r: any) => r.segment_id ?? null),
    };
  };
  const readByCopy = (at: Date, databaseUrl = api.config.DATABASE_URL) => readTrainingLeads(databaseUrl, at);

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    // Leads without events have no lead_features row; odd firmographics must arrive as written.
    const odd = [
      { externalId: 'odd-tab', industry: 'SaaS\twith\\tab', headcount: 40 },
      { externalId: 'odd-unicode', industry: 'Logística — ünïcode ✓', revenueBand: '1m_10m', fundingStage: 'seed' },
      { externalId: 'odd-bare' },
    ];
    expect((await api.request('POST', '/api/leads', { leads: [...population.leads, ...odd] })).status).toBeLessThan(
      300,
    );
    expect((await api.request('POST', '/api/events', { events: population.events })).body.rejected).toBe(0);
    // A state written by hand with a JSON null accumulator and no engagement, and one with integral values.
    await db.query(`UPDATE lead_features SET state = jsonb_set(jsonb_set(state, '{acc,intent}', 'null'), '{lastEngagedAt}', 'null')
                    WHERE lead_id = (SELECT lead_id FROM lead_features ORDER BY lead_id LIMIT 1)`);
    await db.query(`UPDATE lead_features SET state = jsonb_set(state, '{acc,email}', '3')
                    WHERE lead_id = (SELECT lead_id FROM lead_features ORDER BY lead_id DESC LIMIT 1)`);
  });
  afterAll(() => api.close());

  it('gives the same vectors, bit for bit, and the same current segments, in the same order — before and after a first model', async () => {
    const before = await readAsBefore(now);
    expect(before.vectors).toHaveLength(population.leads.length + 3);
    expect(before.current.every((id: string | null) => id === null)).toBe(true);
    expect(await readByCopy(now)).toEqual(before);

    expect((await api.request('POST', '/api/segments/retrain', { k: 4 })).status).toBe(202);
    await api.app.get(SegmentModelsService).whenIdle();
    const later = new Date(now.getTime() + 9 * 86_400_000); // decay differs with `now`
    const after = await readAsBefore(later);
    expect(after.current.filter((id: string | null) => id !== null)).toHaveLength(population.leads.length + 3);
    expect(after.vectors).not.toEqual(before.vectors);
    expect(await readByCopy(later)).toEqual(after);
  });

  it('fails with the database error when the read fails', async () => {
    const url = new URL(api.config.DATABASE_URL);
    url.pathname = '/no_such_database';
    await expect(readByCopy(now, url.toString())).rejects.toThrow(/no_such_database/);
  });
});
