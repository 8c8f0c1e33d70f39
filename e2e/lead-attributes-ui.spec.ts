import { apiFetch, signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { Stack, startStack } from './support/stack';

// Issue 20, "Getting data in": an admin defines custom lead attributes, intake accepts them, the lead page shows them.
describe('custom lead attributes (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack('lead-attributes-ui');
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates attributes on the admin page, posts a lead with them and shows them on the lead page', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/admin/lead-attributes`);
    const form = page.getByRole('form', { name: 'New attribute' });
    await form.getByLabel('Attribute key').fill('plan');
    await form.getByLabel('Attribute label').fill('Plan');
    await form.getByLabel('Attribute type').selectOption('enum');
    await form.getByLabel('Allowed values').fill('free, pro');
    await form.getByRole('button', { name: 'Add attribute' }).click();
    await page.getByRole('row').filter({ hasText: 'plan' }).waitFor();
    await form.getByLabel('Attribute key').fill('renewal');
    await form.getByLabel('Attribute label').fill('Renewal date');
    await form.getByLabel('Attribute type').selectOption('date');
    await form.getByRole('button', { name: 'Add attribute' }).click();
    await page.getByRole('row').filter({ hasText: 'renewal' }).waitFor();

    const token = await signInToApi(stack);
    const refused = await apiFetch(stack, token, '/api/leads', {
      method: 'POST',
      body: { externalId: 'attr-ui-1', attributes: { plan: 'gold' } },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { issues: unknown[] }).issues).toEqual([
      { field: 'attributes.plan', reason: 'expected one of free, pro' },
    ]);
    const created = await apiFetch(stack, token, '/api/leads', {
      method: 'POST',
      body: { externalId: 'attr-ui-1', name: 'Kavya Iyer', attributes: { plan: 'pro', renewal: '2027-03-31' } },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`${stack.webUrl}/leads/${id}`);
    const attributes = page.getByRole('definition');
    await page.getByTestId('attribute-plan').waitFor();
    expect(await page.getByTestId('attribute-plan').textContent()).toBe('pro');
    expect(await page.getByTestId('attribute-renewal').textContent()).toBe('2027-03-31');
    expect(await page.getByText('Renewal date').count()).toBe(1);
    expect(await attributes.count()).toBe(2);

    // The admin page counts the values a lead holds, and a delete with values asks first and drops them.
    await page.goto(`${stack.webUrl}/admin/lead-attributes`);
    const renewal = page.getByRole('row').filter({ hasText: 'renewal' });
    await renewal.getByRole('cell', { name: '1', exact: true }).waitFor();
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('1 lead(s) hold a value for renewal');
      void dialog.accept();
    });
    await renewal.getByRole('button', { name: 'Delete' }).click();
    await renewal.waitFor({ state: 'detached' });
    await page.goto(`${stack.webUrl}/leads/${id}`);
    await page.getByTestId('attribute-plan').waitFor();
    expect(await page.getByTestId('attribute-renewal').count()).toBe(0);
  });
});
