import { EventsService } from '../events/events.service';
import { LeadsService } from '../leads/leads.service';
import { startTestApi, TestApi } from '../testing/test-api';
import { seedDemo } from './seed-demo';
import { SegmentModelsService } from './segment-models.service';

describe('seedDemo', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('seeds leads and events, activates a first model, and does nothing the second time', async () => {
    const services = { leads: api.app.get(LeadsService), events: api.app.get(EventsService), models: api.app.get(SegmentModelsService) };
    const first = await seedDemo(services, { leads: 150 });
    expect(first).toMatchObject({ skipped: false, leads: 150, events: { rejected: 0, duplicate: 0 }, modelId: expect.any(String) });
    expect(first.segments).toBeGreaterThanOrEqual(4);
    const segments = (await api.request('GET', '/api/segments')).body;
    expect(segments.reduce((sum: number, s: any) => sum + s.size, 0)).toBe(150);
    expect(await seedDemo(services, { leads: 150 })).toMatchObject({ skipped: true });
  });
});
