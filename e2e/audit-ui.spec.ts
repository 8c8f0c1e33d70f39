import { E2E_ADMIN, signInInBrowser } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { Stack, startStack } from './support/stack';

describe('audit log page (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack('audit-ui');
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lists an audited change with its actor, filters it through the URL and offers the filtered CSV', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/audit`);
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/sla/policies', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          segmentId: '3f9c1e52-8d4b-4a57-9a43-0c2f6a1b7d10',
          firstTouchWithinMinutes: 30,
          clock: 'wall',
        }),
      });
      return response.status;
    });
    expect(status).toBe(201);
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'slaPolicy.created' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(E2E_ADMIN.email);
    expect(text).toContain('first_touch_minutes');

    await page.getByLabel('Action').selectOption('slaPolicy.deleted');
    await page.getByText('No entries match these filters.').waitFor();
    expect(page.url()).toContain('action=slaPolicy.deleted');
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/api/audit/export.csv?action=slaPolicy.deleted',
    );
  });
});
