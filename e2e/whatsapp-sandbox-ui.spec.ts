import { existsSync } from 'node:fs';
import { signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { eventually } from './support/eventually';
import type { Stack } from './support/stack';
import { publishOnStack, stackJson } from './support/stack-api';
import { startWhatsAppStack, whatsappReplyPlaybook } from './support/whatsapp';

// The sandbox as `npm start` wires it: built API and worker as child processes, the worker's WHATSAPP_API_URL on the
// API's sandbox. A user reads the template on the WhatsApp sandbox page and answers as the lead; the run branches.
describe('WhatsApp sandbox page (browser → web → API sandbox ← worker; signed webhooks)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startWhatsAppStack('wa-ui');
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the template sent to the lead and answers as the lead, which takes the run down its replied branch', async () => {
    const token = await signInToApi(stack);
    const json = stackJson(stack, token);
    const lead = await json('/api/leads', {
      externalId: 'wa-ui-1',
      name: 'Asha Rao',
      company: 'Surat Silks',
      phone: '+919812345678',
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    const playbookId = await publishOnStack(stack, token, whatsappReplyPlaybook, 'WhatsApp intro');
    const run = await json('/api/runs', { leadId: lead.id, playbookId });

    const { page } = browser;
    await page.goto(`${stack.webUrl}/whatsapp-sandbox`);
    await page.getByText('SANDBOX — nothing here reaches a real phone').waitFor();
    await page.getByRole('button', { name: /Asha Rao/ }).click();
    const thread = page.getByLabel('Sandbox conversation with +919812345678');
    await thread.getByText('Template intro_followup (en): Asha · Surat Silks').waitFor();

    await page.getByLabel('Answer as the lead').fill('Haan, interested');
    await page.getByRole('button', { name: 'Answer as the lead' }).click();
    await page.getByText('Posted to the webhook: 1 event recorded on the lead.').waitFor();

    const ended = await eventually(
      () => json(`/api/runs/${run.id}`),
      (r) => r.status !== 'active',
      30_000,
      200,
    );
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'replied' });
    await thread.getByText('Thanks Asha! Here is the demo link.').waitFor({ timeout: 15_000 });
    expect(existsSync(await browser.screenshot('whatsapp-sandbox-page'))).toBe(true);
  });
});
