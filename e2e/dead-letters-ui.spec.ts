import { Client } from 'pg';
import { signInInBrowser } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { Stack, startStack } from './support/stack';

describe('dead letters page (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  let db: Client;
  beforeAll(async () => {
    stack = await startStack('dead-letters-ui');
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await stack?.stop();
  });

  it('lists a dead letter with its lead, attempts and error, and retries it', async () => {
    // A lead event that failed its 10 attempts (its lead id is no UUID, so every delivery fails).
    const [{ id }] = (
      await db.query(
        `INSERT INTO outbox (kind, payload, attempts, last_error, dead_lettered_at)
       VALUES ('lead_event', $1, 10, 'invalid input syntax for type uuid', now()) RETURNING id`,
        [
          JSON.stringify({
            leadId: 'poison-ui',
            eventId: 'e-ui',
            type: 'email_open',
            occurredAt: new Date().toISOString(),
            channel: null,
            replyTo: null,
            properties: {},
          }),
        ],
      )
    ).rows;
    const { page } = browser;
    await page.goto(`${stack.webUrl}/dead-letters`);
    const row = page.getByRole('row').filter({ hasText: 'poison-ui' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('lead_event');
    expect(text).toContain('invalid input syntax for type uuid');
    expect(text).toContain('10');

    await row.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('No dead letters').waitFor();
    expect(
      (await db.query(`SELECT dead_lettered_at FROM outbox WHERE id = $1`, [id])).rows[0].dead_lettered_at,
    ).toBeNull();
  });
});
