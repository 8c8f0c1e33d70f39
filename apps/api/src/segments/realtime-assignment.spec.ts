import { FeatureState, featureVector, FEATURE_NAMES } from '@segflow/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../testing/test-api';

const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const unit = (i: number, length = FEATURE_NAMES.length) => Array.from({ length }, (_, j) => (j === i ? 1 : 0));
const plus = (a: number[], b: number[], scale: number) => a.map((x, i) => x + scale * (b[i] ?? 0));

describe('real-time assignment on every event (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  let modelId: string;
  const segmentA = randomUUID();
  const segmentB = randomUUID();
  const lead = { industry: 'SaaS', headcount: 40 };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const leadIdOf = async (externalId: string) =>
    (await db.query(`SELECT id FROM leads WHERE external_id = $1`, [externalId]))[0].id;
  const openMembership = async (leadId: string) =>
    (
      await db.query(`SELECT id, segment_id FROM segment_memberships WHERE lead_id = $1 AND left_at IS NULL`, [leadId])
    )[0];
  const segmentRows = async (leadId: string) =>
    db.query(
      `SELECT kind, payload FROM outbox WHERE kind IN ('segment_entered', 'segment_left') AND payload->>'leadId' = $1 ORDER BY id`,
      [leadId],
    );
  const post = (events: unknown[]) => api.request('POST', '/api/events', { events });
  /** Binds a (draft, never started) playbook to each segment given, and none to the others. */
  async function bindOnly(segmentIds: string[]): Promise<string[]> {
    await db.query(`DELETE FROM playbooks WHERE name = 'realtime-spec'`);
    const ids: string[] = [];
    for (const segmentId of segmentIds) {
      const [{ id }] = await db.query(
        `INSERT INTO playbooks (name, draft) VALUES ('realtime-spec', '{}') RETURNING id`,
      );
      await db.query(`INSERT INTO segment_bindings (playbook_id, segment_id) VALUES ($1, $2)`, [id, segmentId]);
      ids.push(id);
    }
    return ids;
  }
  /** An active run of a playbook bound to nothing, as a manual run would be. */
  async function activeRunOf(leadId: string): Promise<void> {
    const [{ id }] = await db.query(`INSERT INTO playbooks (name, draft) VALUES ('realtime-spec', '{}') RETURNING id`);
    const [version] = await db.query(
      `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, '{}') RETURNING id`,
      [id],
    );
    await db.query(
      `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version) VALUES ($1, $2, $3, 1)`,
      [leadId, id, version.id],
    );
  }

  // A hand-made active model (identity standardiser) whose two centroids sit at chosen distances from a lead's vector:
  // A at 1 along `frequency`, B at `distanceB` the other way. The lead starts in A.
  async function leadBetween(externalId: string, distanceB: number): Promise<string> {
    await db.query(`UPDATE segment_models SET status = 'retired' WHERE status = 'active'`);
    await api.request('POST', '/api/leads', { externalId, ...lead });
    await post([
      {
        eventId: `${externalId}-1`,
        leadExternalId: externalId,
        type: 'page_view',
        occurredAt: day(1),
        url: '/pricing',
      },
    ]);
    const leadId = await leadIdOf(externalId);
    const [{ state }] = await db.query(`SELECT state FROM lead_features WHERE lead_id = $1`, [leadId]);
    const vector = featureVector(state as FeatureState, lead, new Date());
    modelId = (
      await db.query(
        `INSERT INTO segment_models (status, params, standardizer) VALUES ('active', '{}', $1) RETURNING id`,
        [{ means: vector.map(() => 0), stds: vector.map(() => 1) }],
      )
    )[0].id;
    await db.query(
      `INSERT INTO segments (id, name, description, colour) VALUES ($1, 'A', 'a', '#000000'), ($2, 'B', 'b', '#ffffff') ON CONFLICT DO NOTHING`,
      [segmentA, segmentB],
    );
    const centroids = [plus(vector, unit(1), 1), plus(vector, unit(1), -distanceB)];
    await db.query(
      `INSERT INTO segment_model_centroids (model_id, segment_id, position, centroid, raw_centroid, size, generated_description) VALUES ($1, $2, 0, $3, $3, 0, 'a'), ($1, $4, 1, $5, $5, 0, 'b')`,
      [modelId, segmentA, centroids[0], segmentB, centroids[1]],
    );
    await db.query(
      `INSERT INTO segment_memberships (id, lead_id, segment_id, model_id, entered_at, enter_reason) VALUES ($1, $2, $3, $4, now(), 'test')`,
      [randomUUID(), leadId, segmentA, modelId],
    );
    return leadId;
  }

  // whatsapp_delivered contributes nothing and is older than the last event, so the lead's vector does not move.
  const nudge = (externalId: string, n: number) =>
    post([
      { eventId: `${externalId}-n${n}`, leadExternalId: externalId, type: 'whatsapp_delivered', occurredAt: day(3) },
    ]);

  it('keeps a boundary lead in its segment when the other centroid is closer by less than the hysteresis margin', async () => {
    const leadId = await leadBetween('boundary', 0.95);
    for (let n = 0; n < 3; n += 1) await nudge('boundary', n);
    expect((await openMembership(leadId)).segment_id).toBe(segmentA);
    expect(await segmentRows(leadId)).toEqual([]);
  });

  it('moves a lead whose nearest centroid is clearly closer: closes A, opens B, one outbox row each, same transaction', async () => {
    await bindOnly([segmentA, segmentB]);
    const leadId = await leadBetween('mover', 0.5);
    const old = await openMembership(leadId);
    await nudge('mover', 0);
    const current = await openMembership(leadId);
    expect(current.segment_id).toBe(segmentB);
    const rows = await segmentRows(leadId);
    expect(rows.map((r: any) => r.kind)).toEqual(['segment_left', 'segment_entered']);
    expect(rows[0].payload).toMatchObject({ membershipId: old.id, segmentId: segmentA, reason: 'event' });
    expect(rows[1].payload).toMatchObject({
      membershipId: current.id,
      segmentId: segmentB,
      triggerEventId: 'mover-n0',
    });
    // A repeat of the same event is a duplicate: no second change, no second row.
    await nudge('mover', 0);
    await nudge('mover', 1);
    expect(await segmentRows(leadId)).toHaveLength(2);
    const [{ left }] = await db.query(
      `SELECT count(*)::int AS left FROM segment_memberships WHERE lead_id = $1 AND left_at IS NOT NULL`,
      [leadId],
    );
    expect(left).toBe(1);
    const detail = (await api.request('GET', '/api/leads/mover')).body;
    expect(detail.segment).toMatchObject({ id: segmentB, name: 'B' });
    expect(detail.memberships.map((m: any) => [m.segmentId, m.exitedAt === null, m.triggerEventId])).toEqual([
      [segmentB, true, 'mover-n0'],
      [segmentA, false, null],
    ]);
  });

  it('writes only the segment rows a run may act on: entering a bound segment, leaving one, leaving with an active run', async () => {
    const kindsAfterMove = async (externalId: string, bound: string[], withRun = false) => {
      await bindOnly(bound);
      const leadId = await leadBetween(externalId, 0.5);
      if (withRun) await activeRunOf(leadId);
      await nudge(externalId, 0);
      expect((await openMembership(leadId)).segment_id).toBe(segmentB);
      return (await segmentRows(leadId)).map((r: any) => r.kind);
    };
    expect(await kindsAfterMove('unbound', [])).toEqual([]);
    expect(await kindsAfterMove('into-bound', [segmentB])).toEqual(['segment_entered']);
    expect(await kindsAfterMove('out-of-bound', [segmentA])).toEqual(['segment_left']);
    expect(await kindsAfterMove('running', [], true)).toEqual(['segment_left']);
  });

  it('changes a lead once when concurrent flushes carry its events (each flush reads the membership after the lock)', async () => {
    await bindOnly([segmentA, segmentB]);
    const leadId = await leadBetween('racer', 0.5);
    const responses = await Promise.all(Array.from({ length: 6 }, (_, n) => nudge('racer', n)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await openMembership(leadId)).segment_id).toBe(segmentB);
    expect((await segmentRows(leadId)).map((r: any) => r.kind)).toEqual(['segment_left', 'segment_entered']);
  });

  it('writes nothing when the transaction fails after the membership change: no event, no membership, no outbox row', async () => {
    await bindOnly([segmentA, segmentB]);
    const leadId = await leadBetween('crash', 0.5);
    const before = await openMembership(leadId);
    const [{ state: stateBefore }] = await db.query(`SELECT state FROM lead_features WHERE lead_id = $1`, [leadId]);
    // Fail the flush at its last statement (the outbox insert of the segment change).
    await db.query(
      `CREATE FUNCTION fail_segment_rows() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ LANGUAGE plpgsql`,
    );
    await db.query(
      `CREATE TRIGGER fail_segment_rows BEFORE INSERT ON outbox FOR EACH ROW WHEN (NEW.kind = 'segment_entered') EXECUTE FUNCTION fail_segment_rows()`,
    );
    try {
      // The split retry narrows the failed flush down to this one event, which is refused; nothing of it remains.
      expect((await nudge('crash', 0)).body.results).toEqual([expect.objectContaining({ status: 'rejected' })]);
    } finally {
      await db.query(`DROP TRIGGER fail_segment_rows ON outbox; DROP FUNCTION fail_segment_rows()`);
    }
    expect(await openMembership(leadId)).toEqual(before);
    expect(await segmentRows(leadId)).toEqual([]);
    expect(await db.query(`SELECT 1 FROM events WHERE event_id = 'crash-n0'`)).toEqual([]);
    expect((await db.query(`SELECT state FROM lead_features WHERE lead_id = $1`, [leadId]))[0].state).toEqual(
      stateBefore,
    );
    // The retry after the "crash" goes through once: one change, one row each.
    await nudge('crash', 0);
    expect((await segmentRows(leadId)).map((r: any) => r.kind)).toEqual(['segment_left', 'segment_entered']);
  });
});
