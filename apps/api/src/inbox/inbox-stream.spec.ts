import type { AddressInfo } from 'node:net';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TEST_USER_PASSWORD, TestApi, TestUser } from '../testing/test-api';
import { INBOX_STREAMS_PER_USER } from './inbox-stream.service';

interface StreamEvent {
  type: string;
  data: any;
}

/** An open GET /api/inbox/stream over real HTTP, collecting the events it receives. */
class StreamReader {
  readonly events: StreamEvent[] = [];
  /** Set when the server ended the response. */
  ended = false;
  private readonly abort = new AbortController();
  private constructor(
    readonly status: number,
    readonly contentType: string | null,
  ) {}

  static async open(baseUrl: string, user: TestUser): Promise<StreamReader> {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/api/inbox/stream`, {
      headers: { authorization: `Bearer ${user.token}` },
      signal: abort.signal,
    });
    const reader = new StreamReader(response.status, response.headers.get('content-type'));
    (reader as unknown as { abort: AbortController }).abort = abort;
    if (response.ok && response.body) void reader.read(response.body);
    return reader;
  }

  /** Resolves with the first event (counting from `from`) that matches, or fails after `timeoutMs`. */
  async next(predicate: (e: StreamEvent) => boolean, from = 0, timeoutMs = 10_000): Promise<StreamEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.abort.abort();
  }

  async waitForEnd(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error(`the stream did not end within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}:`))
              ?.slice(name.length + 1)
              .trim();
          this.events.push({ type: field('event') ?? 'message', data: JSON.parse(field('data') ?? 'null') });
        }
      }
      this.ended = true;
    } catch {
      // aborted by close()
    }
  }
}

describe('GET /api/inbox/stream (real Postgres, real HTTP)', () => {
  let api: TestApi;
  let fx: SlaFixtures;
  let baseUrl: string;
  let manager: TestUser, otherManager: TestUser, asha: TestUser, bala: TestUser, otherRep: TestUser, ops: TestUser;
  const streams: StreamReader[] = [];
  const open = async (user: TestUser) => {
    const stream = await StreamReader.open(baseUrl, user);
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    fx = await SlaFixtures.connect(api.config.DATABASE_URL);
    manager = await api.createUser({ role: 'manager' });
    otherManager = await api.createUser({ role: 'manager' });
    expect((await api.request('POST', '/api/teams', { id: 'east', name: 'East', managerId: manager.id })).status).toBe(
      201,
    );
    expect(
      (await api.request('POST', '/api/teams', { id: 'south', name: 'South', managerId: otherManager.id })).status,
    ).toBe(201);
    asha = await api.createUser({ role: 'rep', teamId: 'east' });
    bala = await api.createUser({ role: 'rep', teamId: 'east' });
    otherRep = await api.createUser({ role: 'rep', teamId: 'south' });
    ops = await api.createUser({ role: 'ops' });
  });
  afterAll(async () => {
    // Closing the API with streams still open proves they do not hold the server up at shutdown.
    await api?.close();
    for (const stream of streams) stream.close();
    await fx?.close();
  });

  it('streams text/event-stream, answers 401 without a session and 403 to ops', async () => {
    const stream = await open(asha);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    await stream.next((e) => e.type === 'ready');
    expect((await fetch(`${baseUrl}/api/inbox/stream`)).status).toBe(401);
    const forOps = await open(ops);
    expect(forOps.status).toBe(403);
  });

  it("tells a rep when a task of theirs is created, snoozed and completed, and nothing about another rep's", async () => {
    const ashas = await open(asha);
    const otherReps = await open(otherRep);
    await Promise.all([ashas.next((e) => e.type === 'ready'), otherReps.next((e) => e.type === 'ready')]);
    const lead = await fx.lead({ name: 'Streamed', ownerId: asha.id });
    // The other rep's task first: Asha's first 'changed' must still be about her own task.
    const otherTask = await fx.task({
      leadId: await fx.lead({ name: 'Elsewhere', ownerId: otherRep.id }),
      assigneeId: otherRep.id,
      createdAt: new Date(),
    });
    const taskId = await fx.task({ leadId: lead, assigneeId: asha.id, createdAt: new Date() });
    expect((await ashas.next((e) => e.type === 'changed')).data).toEqual({ taskId });
    expect((await otherReps.next((e) => e.type === 'changed')).data).toEqual({ taskId: otherTask });

    let mark = ashas.events.length;
    expect(
      (
        await api.requestAs(asha, 'POST', `/api/inbox/tasks/${taskId}/snooze`, {
          until: new Date(Date.now() + 3_600_000),
        })
      ).status,
    ).toBe(204);
    await ashas.next((e) => e.type === 'changed' && e.data.taskId === taskId, mark);
    mark = ashas.events.length;
    const done = await api.requestAs(asha, 'POST', `/api/inbox/tasks/${taskId}/complete`, { outcome: 'connected' });
    expect(done.status).toBe(200);
    await ashas.next((e) => e.type === 'changed' && e.data.taskId === taskId, mark);
    expect(ashas.events.filter((e) => e.type === 'changed').every((e) => e.data.taskId === taskId)).toBe(true);
    expect(otherReps.events.filter((e) => e.type === 'changed').map((e) => e.data.taskId)).toEqual([otherTask]);
  });

  it("tells both reps and their manager when a task is reassigned, and the other team's manager nothing", async () => {
    const [ashas, balas, managers, otherManagers] = [
      await open(asha),
      await open(bala),
      await open(manager),
      await open(otherManager),
    ];
    await Promise.all([ashas, balas, managers, otherManagers].map((s) => s.next((e) => e.type === 'ready')));
    const lead = await fx.lead({ name: 'Moving', ownerId: asha.id });
    const taskId = await fx.task({ leadId: lead, assigneeId: asha.id, createdAt: new Date() });
    await managers.next((e) => e.type === 'changed' && e.data.taskId === taskId);
    const marks = [ashas.events.length, balas.events.length];
    expect(
      (await api.requestAs(manager, 'POST', `/api/inbox/tasks/${taskId}/reassign`, { repId: bala.id, reason: 'cover' }))
        .status,
    ).toBe(204);
    await ashas.next((e) => e.type === 'changed' && e.data.taskId === taskId, marks[0]);
    await balas.next((e) => e.type === 'changed' && e.data.taskId === taskId, marks[1]);
    // The other team's manager heard nothing of it: changes arrive in commit order, so once they hear of a later
    // task of their own team, any event about the reassigned one would already be there.
    const theirs = await fx.task({
      leadId: await fx.lead({ name: 'South lead', ownerId: otherRep.id }),
      assigneeId: otherRep.id,
      createdAt: new Date(),
    });
    await otherManagers.next((e) => e.type === 'changed' && e.data.taskId === theirs);
    expect(otherManagers.events.filter((e) => e.type === 'changed').map((e) => e.data.taskId)).toEqual([theirs]);
  });

  it('tells the rep when a lead of an open task of theirs breaches its SLA', async () => {
    const ashas = await open(asha);
    await ashas.next((e) => e.type === 'ready');
    const segmentId = await fx.segment('Hot');
    const lead = await fx.lead({ name: 'Late', ownerId: asha.id });
    const membershipId = await fx.enter(lead, segmentId, new Date(Date.now() - 600_000));
    const taskId = await fx.task({ leadId: lead, assigneeId: asha.id, createdAt: new Date() });
    await ashas.next((e) => e.type === 'changed' && e.data.taskId === taskId);
    await fx.db.query(
      `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, entered_at, due_at) VALUES ($1, $2, $3, now() - interval '10 min', now() - interval '5 min')`,
      [membershipId, lead, segmentId],
    );
    const mark = ashas.events.length;
    await fx.db.query(`UPDATE sla_clocks SET breached_at = now() WHERE membership_id = $1`, [membershipId]);
    expect((await ashas.next((e) => e.type === 'changed', mark)).data).toEqual({ taskId: null });
  });

  it(`refuses a user's stream beyond ${INBOX_STREAMS_PER_USER} with 429, and takes one again once another closes`, async () => {
    const rep = await api.createUser({ role: 'rep', teamId: 'east' });
    const open5 = await Promise.all(Array.from({ length: INBOX_STREAMS_PER_USER }, () => open(rep)));
    await Promise.all(open5.map((s) => s.next((e) => e.type === 'ready')));
    const sixth = await open(rep);
    expect(sixth.status).toBe(429);
    expect((await open(asha)).status).toBe(200);
    open5[0]!.close();
    const deadline = Date.now() + 10_000;
    let again = await open(rep);
    while (again.status === 429 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      again = await open(rep);
    }
    expect(again.status).toBe(200);
  });

  it("ends the stream when its session signs out, and the other sessions' streams when the password changes", async () => {
    const rep = await api.createUser({ role: 'rep', teamId: 'east' });
    const signOutStream = await open(rep);
    await signOutStream.next((e) => e.type === 'ready');
    expect((await api.requestAs(rep, 'POST', '/api/auth/sign-out')).status).toBe(204);
    await signOutStream.waitForEnd();

    const again = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: rep.email, password: TEST_USER_PASSWORD },
    });
    const other = { ...rep, token: again.json().token as string };
    const third = await api.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: rep.email, password: TEST_USER_PASSWORD },
    });
    const current = { ...rep, token: third.json().token as string };
    const [otherStream, currentStream] = [await open(other), await open(current)];
    await Promise.all([otherStream.next((e) => e.type === 'ready'), currentStream.next((e) => e.type === 'ready')]);
    expect(
      (
        await api.requestAs(current, 'POST', '/api/auth/password', {
          currentPassword: TEST_USER_PASSWORD,
          newPassword: 'a-new-password',
        })
      ).status,
    ).toBe(204);
    await otherStream.waitForEnd();
    await new Promise((r) => setTimeout(r, 200));
    expect(currentStream.ended).toBe(false);
  });

  it('ends a stream held by another replica when its session signs out here, and that replica forgets the session at once', async () => {
    const replica = await startTestApi({ DATABASE_URL: api.config.DATABASE_URL, AUTH_CACHE_SECONDS: '59' });
    try {
      await replica.app.listen(0, '127.0.0.1');
      const replicaUrl = `http://127.0.0.1:${(replica.app.getHttpServer().address() as AddressInfo).port}`;
      const rep = await api.createUser({ role: 'rep', teamId: 'east' });
      const there = await StreamReader.open(replicaUrl, rep);
      streams.push(there);
      await there.next((e) => e.type === 'ready');
      // The replica now holds the session's principal in its cache for up to 59 s.
      expect((await replica.requestAs(rep, 'GET', '/api/auth/me')).status).toBe(200);
      expect((await api.requestAs(rep, 'POST', '/api/auth/sign-out')).status).toBe(204);
      await there.waitForEnd();
      expect((await replica.requestAs(rep, 'GET', '/api/auth/me')).status).toBe(401);
    } finally {
      await replica.close();
    }
  });
});
