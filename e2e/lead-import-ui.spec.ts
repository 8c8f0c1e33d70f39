import { signInInBrowser } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { Stack, startStack } from './support/stack';

const FILE = [
  'Lead ID,Full name,E-mail,Staff',
  'csv-ui-1,Kavya Menon,kavya@kochi.test,40',
  'csv-ui-2,Arjun Das,not-an-email,12',
  'csv-ui-3,"Nair, Leela",,many',
].join('\r\n');

describe('CSV import page (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack('lead-import-ui');
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('maps the columns, previews the cell errors, imports with progress and lists the failed rows', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/leads/import`);
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });

    // E-mail and Staff are guessed from their names; Lead ID and Full name are mapped by hand.
    const fieldFor = (column: string) => page.getByLabel(`Lead field for ${column}`);
    await fieldFor('Lead ID').waitFor();
    expect(await fieldFor('E-mail').inputValue()).toBe('email');
    await fieldFor('Lead ID').selectOption('externalId');
    await fieldFor('Full name').selectOption('name');
    await fieldFor('Staff').selectOption('headcount');

    const preview = page.getByRole('table', { name: 'Preview' });
    expect(await preview.getByRole('row').filter({ hasText: 'csv-ui-2' }).textContent()).toContain('email:');
    expect(await preview.getByRole('row').filter({ hasText: 'csv-ui-3' }).textContent()).toContain(
      'headcount: expected a number, found "many"',
    );

    await page.getByRole('button', { name: 'Import leads.csv' }).click();
    const status = page.getByRole('status');
    await status.filter({ hasText: 'completed' }).waitFor();
    expect(await status.textContent()).toContain('1 created');
    expect(await status.textContent()).toContain('2 failed');
    expect(await page.getByLabel('Upload progress').evaluate((p: HTMLProgressElement) => p.value / p.max)).toBe(1);

    const errors = page.getByRole('table', { name: 'Row errors' }).getByRole('row');
    expect(await errors.filter({ hasText: 'E-mail' }).textContent()).toMatch(/^3email/);
    expect(await errors.filter({ hasText: 'Staff' }).textContent()).toContain('expected a number');
    expect(await page.getByRole('link', { name: 'Download errors (CSV)' }).getAttribute('href')).toMatch(
      /^\/api\/leads\/imports\/[0-9a-f-]+\/errors\.csv$/,
    );

    // The same columns next time: the mapping comes back as it was used.
    await page.goto(`${stack.webUrl}/leads/import`);
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
    await page.getByText('The mapping last used for these columns.').waitFor();
    expect(await fieldFor('Lead ID').inputValue()).toBe('externalId');
  });
});
