import { signToken } from '@segflow/channels';
import { segflowSigner } from '../common/segflow-signer';
import { SlaFixtures } from '../testing/sla-fixtures';
import { startTestApi, TestApi } from '../testing/test-api';
import { createEmailTouch, EmailTouchFixture } from '../testing/touch-fixtures';

const sign = segflowSigner('public-links-spec-segflow-secret');

describe('public message links (/u, /t/c, /t/o)', () => {
  let api: TestApi;
  let fixtures: SlaFixtures;
  let touch: EmailTouchFixture;

  beforeAll(async () => {
    api = await startTestApi({ SEGFLOW_SECRET: 'public-links-spec-segflow-secret', OUTBOX_DISPATCHER: 'off' });
    fixtures = await SlaFixtures.connect(api.config.DATABASE_URL);
  });
  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });
  beforeEach(async () => {
    touch = await createEmailTouch(fixtures, `ravi.${Math.random().toString(36).slice(2, 8)}@example.in`);
  });

  const eventsOf = async (type: string) =>
    (
      await fixtures.db.query(
        `SELECT event_id AS "eventId", data FROM events WHERE lead_id = $1 AND type = $2 ORDER BY event_id`,
        [touch.leadId, type],
      )
    ).rows;

  it('redirects a click to the URL in the token and records email_click once per link', async () => {
    const token = signToken(
      { purpose: 'click', touchId: touch.touchId, url: 'https://shop.example.in/pricing?plan=team' },
      sign,
    );
    for (let i = 0; i < 2; i += 1) {
      const response = await api.app.inject({ method: 'GET', url: `/t/c/${token}` });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('https://shop.example.in/pricing?plan=team');
    }
    const clicks = await eventsOf('email_click');
    expect(clicks).toHaveLength(1);
    expect(clicks[0].data).toMatchObject({
      replyTo: { touchId: touch.touchId },
      properties: { url: 'https://shop.example.in/pricing?plan=team' },
    });
  });

  it('refuses a forged or altered click token (a foreign URL) without redirecting', async () => {
    const genuine = signToken({ purpose: 'click', touchId: touch.touchId, url: 'https://shop.example.in/' }, sign);
    const forged = signToken(
      { purpose: 'click', touchId: touch.touchId, url: 'https://evil.example/' },
      segflowSigner('someone-elses-secret-key'),
    );
    const altered = `${Buffer.from(JSON.stringify(['c', touch.touchId, 'https://evil.example/'])).toString('base64url')}.${genuine.split('.')[1]}`;
    const unsubscribeToken = signToken({ purpose: 'unsubscribe', touchId: touch.touchId }, sign);
    for (const token of [forged, altered, unsubscribeToken, 'garbage', '.', 'a.b.c']) {
      const response = await api.app.inject({ method: 'GET', url: `/t/c/${encodeURIComponent(token)}` });
      expect(response.statusCode).toBe(404);
      expect(response.headers.location).toBeUndefined();
    }
    expect(await eventsOf('email_click')).toEqual([]);
  });

  it('records an open and answers a 1×1 GIF, also for a bad token', async () => {
    const good = await api.app.inject({
      method: 'GET',
      url: `/t/o/${signToken({ purpose: 'open', touchId: touch.touchId }, sign)}`,
    });
    expect(good.statusCode).toBe(200);
    expect(good.headers['content-type']).toBe('image/gif');
    expect((await api.app.inject({ method: 'GET', url: '/t/o/not-a-token' })).statusCode).toBe(200);
    expect(await eventsOf('email_open')).toHaveLength(1);
  });

  it('shows a preference page with the masked address, and a GET unsubscribes nobody', async () => {
    const page = await api.app.inject({
      method: 'GET',
      url: `/u/${signToken({ purpose: 'unsubscribe', touchId: touch.touchId }, sign)}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`r***@example.in`);
    expect(page.body).not.toContain(touch.address);
    expect(page.body).toContain('<form method="post">');
    expect((await api.app.inject({ method: 'GET', url: '/u/forged.token' })).statusCode).toBe(404);
    expect(await eventsOf('unsubscribe')).toEqual([]);
  });

  it('records an RFC 8058 one-click unsubscribe for email once, and the form for the channels it picked', async () => {
    const token = signToken({ purpose: 'unsubscribe', touchId: touch.touchId }, sign);
    const form = (payload: string) =>
      api.app.inject({
        method: 'POST',
        url: `/u/${token}`,
        payload,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await form('List-Unsubscribe=One-Click')).statusCode).toBe(200);
    expect((await form('List-Unsubscribe=One-Click')).statusCode).toBe(200);
    expect((await form('channel=whatsapp&channel=email')).statusCode).toBe(200);
    const events = await eventsOf('unsubscribe');
    expect(events.map((e: any) => e.eventId)).toEqual([
      `unsubscribe:${touch.touchId}:email`,
      `unsubscribe:${touch.touchId}:whatsapp`,
    ]);
    expect(events[0].data).toMatchObject({ replyTo: { touchId: touch.touchId }, properties: { source: 'one-click' } });
    const forged = await api.app.inject({
      method: 'POST',
      url: '/u/forged.token',
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(404);
  });
});
