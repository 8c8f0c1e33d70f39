import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

// Issue 20, "Audit log": the audited actions write their entry with the change; the log is append-only in PostgreSQL.
describe('audit log (real Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  let ops: TestUser;
  const policy = (minutes: number, segmentId: string) => ({
    segmentId,
    firstTouchWithinMinutes: minutes,
    clock: 'wall',
  });

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    ops = await api.createUser({ role: 'ops', email: 'ops-audit@segflow.test' });
  });
  afterAll(() => api?.close());

  const entries = async (query: string, as: TestUser = ops) => {
    const response = await api.requestAs(as, 'GET', `/api/audit?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('records SLA policy edits with who, what, before and after, in the transaction of the edit', async () => {
    const segmentId = randomUUID();
    const created = await api.requestAs(ops, 'POST', '/api/sla/policies', policy(30, segmentId));
    expect(created.status).toBe(201);
    const id = created.body.id;
    await api.requestAs(ops, 'PUT', `/api/sla/policies/${id}`, policy(45, segmentId));
    await api.requestAs(ops, 'DELETE', `/api/sla/policies/${id}`);
    // A refused edit (unknown policy) leaves no entry.
    expect((await api.requestAs(ops, 'PUT', `/api/sla/policies/${randomUUID()}`, policy(5, segmentId))).status).toBe(
      404,
    );

    const { entries: log } = await entries(`entityType=slaPolicy&entityId=${id}`);
    const actor = { kind: 'user', id: ops.id, label: ops.email };
    expect(log).toEqual([
      expect.objectContaining({ action: 'slaPolicy.deleted', actor, after: null }),
      expect.objectContaining({
        action: 'slaPolicy.updated',
        actor,
        before: expect.objectContaining({ first_touch_minutes: 30 }),
        after: expect.objectContaining({ first_touch_minutes: 45 }),
      }),
      expect.objectContaining({ action: 'slaPolicy.created', actor, before: null }),
    ]);
    expect((await entries('action=slaPolicy.updated')).entries).toHaveLength(1);
  });

  it('records user and API key changes, never a password or a key', async () => {
    const user = await api.createUser({ role: 'rep', email: 'rep-audit@segflow.test' });
    await api.request('PATCH', `/api/users/${user.id}`, { password: 'another-password-1', active: false });
    const key = await api.request('POST', '/api/api-keys', { name: 'CRM sync' });
    await api.request('POST', `/api/api-keys/${key.body.id}/revoke`);

    const { entries: userLog } = await entries(`entityType=user&entityId=${user.id}`);
    expect(userLog.map((e: { action: string }) => e.action)).toEqual(['user.updated', 'user.created']);
    expect(userLog[0]).toMatchObject({
      actor: { kind: 'user', id: api.admin.id },
      before: expect.objectContaining({ active: true }),
      after: expect.objectContaining({ active: false, passwordChanged: true }),
    });
    const { entries: keyLog } = await entries(`entityType=apiKey&entityId=${key.body.id}`);
    expect(keyLog.map((e: { action: string }) => e.action)).toEqual(['apiKey.revoked', 'apiKey.created']);
    const text = JSON.stringify([userLog, keyLog]);
    expect(text).not.toContain(key.body.key);
    expect(text).not.toContain('another-password-1');
    expect(text).not.toMatch(/hash/i);
  });

  it('filters by actor and time range, and pages with a cursor until the last page', async () => {
    // Enough entries for ids of one and two digits: newest first is by number, not by the text of the id.
    for (const name of ['One', 'Two', 'Three', 'Four']) await api.request('POST', '/api/teams', { name });
    const all = (await entries(`actorId=${api.admin.id}&limit=200`)).entries;
    expect(all.length).toBeGreaterThanOrEqual(8);
    const ids = all.map((e: { id: string }) => Number(e.id));
    expect(Math.max(...ids)).toBeGreaterThanOrEqual(10);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const seen: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await entries(`actorId=${api.admin.id}&limit=2${cursor}`);
      seen.push(...page.entries.map((e: { id: string }) => e.id));
      if (!page.nextCursor) break;
      cursor = `&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(all.map((e: { id: string }) => e.id));
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await entries(`from=${encodeURIComponent(future)}`)).entries).toEqual([]);
    expect((await entries(`to=${encodeURIComponent(future)}&limit=1`)).entries).toHaveLength(1);
  });

  it('exports the filtered log as CSV', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/audit/export.csv?entityType=apiKey',
      headers: { authorization: `Bearer ${ops.token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id,at,actorKind,actorId,actorLabel,action,entityType,entityId,before,after');
    expect(lines.slice(1).map((l) => l.split(',')[5])).toEqual(['apiKey.revoked', 'apiKey.created']);
  });

  it('refuses bad filters with the field, and reps', async () => {
    const bad = await api.request('GET', '/api/audit?action=lead.deleted&cursor=abc');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/action/);
    const rep = await api.createUser({ role: 'rep' });
    expect((await api.requestAs(rep, 'GET', '/api/audit')).status).toBe(403);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    for (const statement of ['UPDATE audit_log SET action = action', 'DELETE FROM audit_log', 'TRUNCATE audit_log'])
      await expect(db.query(statement)).rejects.toThrow(/audit_log is append-only/);
    expect((await entries('limit=1')).entries).toHaveLength(1);
  });
});
