import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../testing/test-api';
import { SegmentModelsService } from './segment-models.service';

/** A model left `training` by an API that was killed mid-training: its lease ran out `secondsAgo` seconds ago. */
const insertTraining = async (db: DataSource, secondsAgo: number): Promise<string> =>
  (
    await db.query(
      `INSERT INTO segment_models (status, params, training_until) VALUES ('training', '{}', now() - $1 * interval '1 second') RETURNING id`,
      [secondsAgo],
    )
  )[0].id;
const modelOf = async (db: DataSource, id: string) =>
  (await db.query(`SELECT status, error FROM segment_models WHERE id = $1`, [id]))[0];

describe('segment training lease (real PostgreSQL)', () => {
  let api: TestApi;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
  });
  afterAll(() => api?.close());

  it('lets a retrain start when the training before it lost its lease, and marks that one failed with the reason', async () => {
    const abandoned = await insertTraining(db, 5);
    const started = await api.request('POST', '/api/segments/retrain', {});
    expect(started.status).toBe(202);
    await api.app.get(SegmentModelsService).whenIdle();
    expect(await modelOf(db, abandoned)).toEqual({ status: 'failed', error: expect.stringContaining('lease ran out') });
  });

  it('still refuses a retrain while a training holds a live lease', async () => {
    const live = await insertTraining(db, -60);
    expect((await api.request('POST', '/api/segments/retrain', {})).status).toBe(409);
    expect((await modelOf(db, live)).status).toBe('training');
    await db.query(`DELETE FROM segment_models WHERE id = $1`, [live]);
  });

  it('marks trainings whose lease ran out failed when an API boots', async () => {
    const abandoned = await insertTraining(db, 1);
    const next = await startTestApi({ DATABASE_URL: api.config.DATABASE_URL });
    try {
      expect(await modelOf(db, abandoned)).toEqual({
        status: 'failed',
        error: expect.stringContaining('lease ran out'),
      });
    } finally {
      await next.close();
    }
  });
});
