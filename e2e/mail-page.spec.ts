import { existsSync } from 'node:fs';
import { replyAddress } from '@segflow/channels';
import { createTransport } from 'nodemailer';
import { segflowSigner } from '../apps/api/src/common/segflow-signer';
import { SlaFixtures } from '../apps/api/src/testing/sla-fixtures';
import { createEmailTouch } from '../apps/api/src/testing/touch-fixtures';
import { signInInBrowser } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { freePort } from './support/free-port';
import { Stack, startStack } from './support/stack';

const SECRET = 'mail-page-e2e-segflow-secret';
const DOMAIN = 'reply.segflow.test';

describe('Mail page (sandbox mailbox: browser → web → API → embedded SMTP server → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  let fixtures: SlaFixtures;
  let smtpPort: number;

  beforeAll(async () => {
    smtpPort = await freePort();
    stack = await startStack('mail-page', {
      SEGFLOW_SECRET: SECRET,
      INBOUND_EMAIL_DOMAIN: DOMAIN,
      INBOUND_SMTP_PORT: String(smtpPort),
      MAIL_SANDBOX: 'on',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    });
    fixtures = await SlaFixtures.connect(stack.databaseUrl);
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await stack?.stop();
  });

  it('shows a caught email (HTML in a sandboxed frame, text, headers) and a reply as the lead comes back as the touch’s email_reply', async () => {
    const touch = await createEmailTouch(fixtures, 'neha.kapoor@example.in');
    const smtp = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false });
    await smtp.sendMail({
      from: 'Segflow Sales <sales@mail.segflow.test>',
      to: touch.address,
      replyTo: replyAddress(touch.touchId, DOMAIN, segflowSigner(SECRET)),
      subject: 'Your Segflow demo',
      messageId: touch.messageId,
      text: 'Hi Neha, shall we book the demo?',
      html: '<h2>Hi Neha</h2><p>Shall we <a href="https://example.in/book">book the demo</a>?</p><script>parent.alert(1)</script>',
    });
    smtp.close();

    const { page } = browser;
    await page.goto(`${stack.webUrl}/mail`);
    expect(await page.getByRole('heading', { name: /Mail/ }).textContent()).toContain('Sandbox mailbox');
    await page.getByRole('link', { name: 'Your Segflow demo' }).click();
    const frame = page.locator('iframe[title="HTML part"]');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(
      await page.frameLocator('iframe[title="HTML part"]').getByRole('heading', { name: 'Hi Neha' }).textContent(),
    ).toBe('Hi Neha');
    expect(await page.getByLabel('Text part').textContent()).toBe('Hi Neha, shall we book the demo?');
    expect(await page.getByLabel('Headers').textContent()).toMatch(
      /Message-ID:\s+<[^>]+\.send-1\.1@mail\.segflow\.test>/,
    );

    await page.getByLabel('Reply text').fill('Haan ji, Thursday 4 pm works.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('status').waitFor();
    expect(existsSync(await browser.screenshot('mail-page'))).toBe(true);

    const event = await eventually(
      async () =>
        (await fixtures.db.query(`SELECT data FROM events WHERE lead_id = $1 AND type = 'email_reply'`, [touch.leadId]))
          .rows[0],
      (row) => row !== undefined,
    );
    expect(event.data).toMatchObject({
      replyTo: { touchId: touch.touchId },
      properties: { text: 'Haan ji, Thursday 4 pm works.' },
    });
  });
});
