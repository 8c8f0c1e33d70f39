import { existsSync } from 'node:fs';
import { whatsappSignatureOf } from '../apps/api/src/whatsapp/whatsapp-signature';
import { WHATSAPP_WEBHOOK_PATH } from '../apps/api/src/whatsapp/whatsapp-webhook-auth';
import { webhookBody } from '../apps/api/src/whatsapp/whatsapp-webhook.testing';
import { signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { eventually } from './support/eventually';
import type { Stack } from './support/stack';
import { publishOnStack, stackJson } from './support/stack-api';
import { SANDBOX_ENV, startWhatsAppStack, whatsappIntentPlaybook } from './support/whatsapp';

// Issue 19: the built API and worker as `npm start` runs them. The worker sends the template through the Graph API
// sandbox; the lead's Hinglish answer arrives as Meta would post it (signed webhook); ingest classifies it, the run
// waiting on the reply hears the intent with the event and its `reply intent is pricing` branch goes to the quote.
describe('reply intent end to end (signed WhatsApp webhook → ingest → Temporal run branch; lead page)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startWhatsAppStack('reply-intent');
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a WhatsApp reply "price kya hai?" takes the run down its pricing branch, and the lead page shows the intent', async () => {
    const token = await signInToApi(stack);
    const json = stackJson(stack, token);
    const lead = await json('/api/leads', {
      externalId: 'intent-e2e-1',
      name: 'Asha Rao',
      company: 'Surat Silks',
      phone: '+919812345670',
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    const playbookId = await publishOnStack(stack, token, whatsappIntentPlaybook, 'Price asks');
    const run = await json('/api/runs', { leadId: lead.id, playbookId });

    const waiting = await eventually(
      () => json(`/api/runs/${run.id}`),
      (r) => r.currentNodeId === 'reply' && Boolean(r.touches?.[0]?.providerMessageId),
      30_000,
      200,
    );
    const wamid: string = waiting.touches[0].providerMessageId;

    // The lead answers our template, as Meta posts it: signed with the app secret, quoting our message.
    const raw = JSON.stringify(
      webhookBody({
        contacts: [{ profile: { name: 'Asha' }, wa_id: '919812345670' }],
        messages: [
          {
            from: '919812345670',
            id: 'wamid.INTENT1',
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: 'text',
            text: { body: 'price kya hai?' },
            context: { id: wamid },
          },
        ],
      }),
    );
    const posted = await fetch(`${stack.apiUrl}${WHATSAPP_WEBHOOK_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': whatsappSignatureOf(Buffer.from(raw), SANDBOX_ENV.WHATSAPP_APP_SECRET),
      },
      body: raw,
    });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toEqual({ events: 1, unmatched: [], unreadable: 0 });

    const ended = await eventually(
      () => json(`/api/runs/${run.id}`),
      (r) => r.status !== 'active',
      30_000,
      200,
    );
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'send-quote' });
    expect(ended.path.map((p: { nodeId: string; outcome?: string }) => `${p.nodeId}:${p.outcome}`)).toEqual([
      'entry:next',
      'intro:next',
      'reply:matched',
      'asksPrice:yes',
      'quote:exited',
    ]);

    // The stored event holds the same intent the run branched on.
    const detail = await json(`/api/leads/${lead.id}`);
    const reply = detail.events.find((e: { type: string }) => e.type === 'whatsapp_reply');
    expect(reply.properties).toMatchObject({
      text: 'price kya hai?',
      intent: { intent: 'pricing', language: 'hi-Latn', confidence: expect.any(Number) },
    });

    const { page } = browser;
    await page.goto(`${stack.webUrl}/leads/${lead.id}`);
    const timeline = page.getByLabel('Lead timeline');
    await timeline.getByText(/pricing \d+%/).waitFor();
    expect(existsSync(await browser.screenshot('reply-intent-lead-timeline'))).toBe(true);
  });
});
