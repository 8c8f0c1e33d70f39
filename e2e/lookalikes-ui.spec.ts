import { samplePlaybook } from '@segflow/playbook/testing';
import { apiFetch, signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { Stack, startStack } from './support/stack';

describe('lookalikes page (browser → web → API → Postgres, Temporal)', () => {
  let stack: Stack;
  let browser: Browser;
  let token: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await apiFetch(stack, token, path, { method, body });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  beforeAll(async () => {
    stack = await startStack('lookalikes-ui');
    token = await signInToApi(stack);
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates a list from the converted leads, shows the ranked members and enrols them once', async () => {
    const goodFit = { industry: 'saas', headcount: 60, revenueBand: '1m_10m', fundingStage: 'series_a' };
    const lead = (externalId: string, firm: object) => ({
      externalId,
      name: externalId,
      company: `${externalId} co`,
      ...firm,
    });
    const buyers = Array.from({ length: 12 }, (_, i) => lead(`buyer-${i}`, goodFit));
    const twins = [lead('twin-a', goodFit), lead('twin-b', goodFit)];
    const colds = [lead('cold-a', { industry: 'hospitality', headcount: 2 }), lead('cold-b', { industry: 'retail' })];
    expect((await call('POST', '/api/leads', { leads: [...buyers, ...twins, ...colds] })).status).toBe(200);
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    let n = 0;
    const hot = (id: string) => [
      { eventId: `e-${(n += 1)}`, leadExternalId: id, type: 'demo_booked', occurredAt: ago(30) },
      {
        eventId: `e-${(n += 1)}`,
        leadExternalId: id,
        type: 'page_view',
        url: 'https://x.io/pricing',
        occurredAt: ago(29),
      },
    ];
    const events = [
      ...[...buyers, ...twins].flatMap((l) => hot(l.externalId)),
      ...buyers.map((b) => ({
        eventId: `e-${(n += 1)}`,
        leadExternalId: b.externalId,
        type: 'purchase',
        amount: 1000,
        currency: 'USD',
        occurredAt: ago(2),
      })),
      ...colds.map((c) => ({
        eventId: `e-${(n += 1)}`,
        leadExternalId: c.externalId,
        type: 'email_open',
        occurredAt: ago(300),
      })),
    ];
    expect((await call('POST', '/api/events', { events })).body).toMatchObject({
      accepted: events.length,
      rejected: 0,
    });
    const playbookId = (await call('POST', '/api/playbooks', { name: 'Lookalike nurture' })).body.id;
    await call('PUT', `/api/playbooks/${playbookId}/draft`, { graph: samplePlaybook(), revision: 1 });
    expect((await call('POST', `/api/playbooks/${playbookId}/publish`, {})).status).toBe(201);

    const { page } = browser;
    await page.goto(`${stack.webUrl}/lookalikes`);
    const form = page.getByRole('form', { name: 'New lookalike list' });
    await form.getByLabel('Name').fill('Like our buyers');
    await form.getByLabel('Size').fill('3');
    await form.getByRole('button', { name: 'Create list' }).click();
    const members = page.getByRole('table', { name: 'Ranked members' });
    await members.getByRole('row').filter({ hasText: 'cold-' }).waitFor();
    const rows = await members.getByRole('row').allTextContents();
    // Header, then the two twins (either order: they tie) above one cold lead; no buyer.
    expect(rows).toHaveLength(4);
    expect(rows.slice(1, 3).every((r) => r.includes('twin-'))).toBe(true);
    expect(rows.join()).not.toContain('buyer-');
    expect(await page.getByRole('table', { name: 'Lookalike lists' }).textContent()).toContain(
      '12 converted (purchase)',
    );

    await page.getByLabel('Playbook to enrol into').selectOption(playbookId);
    await page.getByRole('button', { name: 'Enrol members' }).click();
    await page.getByRole('status').filter({ hasText: 'Enrolled 3 of 3' }).waitFor();
    await page.getByRole('button', { name: 'Enrol members' }).click();
    await page.getByRole('status').filter({ hasText: 'Enrolled 0 of 3; skipped 3 already running' }).waitFor();
    expect((await call('GET', `/api/runs?playbookId=${playbookId}`)).body).toHaveLength(3);
  });
});
