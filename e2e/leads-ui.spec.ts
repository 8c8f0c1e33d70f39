import { existsSync } from 'node:fs';
import { signInInBrowser } from './support/auth';
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
    const rowText = await eventually(async () => {
      await page.reload();
      return page.getByRole('row').filter({ hasText: 'Meera Iyer' }).textContent();
    }, (text) => text?.includes('recorded') ?? false, 30_000);
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

  it('renders the React Flow canvas on the playbooks page', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/playbooks`);
    await page.locator('.react-flow__renderer').waitFor();
    await browser.screenshot('playbooks-canvas');
  });
});
