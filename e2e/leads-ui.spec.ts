import { existsSync } from 'node:fs';
import { apiFetch, signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { Stack, startStack } from './support/stack';

describe('leads page (browser → web → API → Temporal → worker → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack('leads-ui');
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates a lead through the form, lists it, and shows its intake recorded by the worker', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/leads`);
    await page.getByLabel('externalId').fill('ui-1');
    await page.getByLabel('name').fill('Meera Iyer');
    await page.getByLabel('company').fill('Hyderabad Logistics');
    await page.getByRole('button', { name: 'Add lead' }).click();

    const row = page.getByRole('row').filter({ hasText: 'Meera Iyer' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Hyderabad Logistics');

    // The intake is written by the worker's activity; reload until it shows (the workflow runs in a second or so).
    const rowText = await eventually(
      async () => {
        await page.reload();
        return page.getByRole('row').filter({ hasText: 'Meera Iyer' }).textContent();
      },
      (text) => text?.includes('recorded') ?? false,
      30_000,
    );
    expect(rowText).toContain('recorded');
    expect(existsSync(await browser.screenshot('leads-page'))).toBe(true);
  });

  it('shows the field and reason when the API rejects the lead', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/leads`);
    await page.getByLabel('externalId').fill('ui-2');
    await page.getByLabel('email').fill('not-an-email');
    await page.getByRole('button', { name: 'Add lead' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/email: .+/);
  });

  it('filters the list in the API by minimum score and owner', async () => {
    const token = await signInToApi(stack);
    await apiFetch(stack, token, '/api/leads', {
      method: 'POST',
      body: {
        leads: [
          { externalId: 'ui-hot', name: 'Kavya Hot', ownerId: 'rep-7', industry: 'SaaS', headcount: 60 },
          { externalId: 'ui-cold', name: 'Rohan Cold', ownerId: 'rep-8' },
        ],
      },
    });
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    await apiFetch(stack, token, '/api/events', {
      method: 'POST',
      body: {
        events: [
          { eventId: 'ui-e1', leadExternalId: 'ui-hot', type: 'demo_booked', occurredAt: ago(5) },
          {
            eventId: 'ui-e2',
            leadExternalId: 'ui-hot',
            type: 'page_view',
            url: 'https://x.io/pricing',
            occurredAt: ago(4),
          },
          { eventId: 'ui-e3', leadExternalId: 'ui-cold', type: 'email_open', occurredAt: ago(60 * 24 * 30) },
        ],
      },
    });

    const { page } = browser;
    await page.goto(`${stack.webUrl}/leads`);
    await page.getByRole('row').filter({ hasText: 'Rohan Cold' }).waitFor();
    await page.getByLabel('Minimum score').fill('20');
    await page.getByRole('row').filter({ hasText: 'Rohan Cold' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row').filter({ hasText: 'Kavya Hot' }).count()).toBe(1);

    await page.getByLabel('Minimum score').fill('');
    await page.getByLabel('Filter by owner').fill('rep-8');
    await page.getByRole('row').filter({ hasText: 'Kavya Hot' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row').filter({ hasText: 'Rohan Cold' }).count()).toBe(1);
    await browser.screenshot('leads-filtered');
  });
});
