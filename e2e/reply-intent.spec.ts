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

  // The lead answers our template, as Meta posts it (signed with the app secret, quoting our message), and the run
  // ends. The replies are not in the intent corpus's training split, so the model must generalise to route them.
  async function replyAndWaitForTheRun(token: string, lead: { externalId: string; phone: string }, text: string) {
    const json = stackJson(stack, token);
    const created = await json('/api/leads', {
      ...lead,
      name: 'Asha Rao',
      company: 'Surat Silks',
      consent: { email: true, whatsapp: true, linkedin: true },
    });
    const playbookId = await publishOnStack(stack, token, whatsappIntentPlaybook, `Price asks ${lead.externalId}`);
    const run = await json('/api/runs', { leadId: created.id, playbookId });
    const waiting = await eventually(
      () => json(`/api/runs/${run.id}`),
      (r) => r.currentNodeId === 'reply' && Boolean(r.touches?.[0]?.providerMessageId),
      30_000,
      200,
    );
    const from = lead.phone.replace('+', '');
    const raw = JSON.stringify(
      webhookBody({
        contacts: [{ profile: { name: 'Asha' }, wa_id: from }],
        messages: [
          {
            from,
            id: `wamid.${lead.externalId}`,
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: 'text',
            text: { body: text },
            context: { id: waiting.touches[0].providerMessageId },
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
    return { lead: created, ended };
  }

  const pathOf = (run: { path: { nodeId: string; outcome?: string }[] }) =>
    run.path.map((p) => `${p.nodeId}:${p.outcome}`);

  // "AMC ka kitna charge hai?" is in the corpus's eval split: the model never trained on it.
  it('a WhatsApp reply "AMC ka kitna charge hai?" takes the run down its pricing branch, and the lead page shows the intent', async () => {
    const token = await signInToApi(stack);
    const json = stackJson(stack, token);
    const { lead, ended } = await replyAndWaitForTheRun(
      token,
      { externalId: 'intent-e2e-1', phone: '+919812345670' },
      'AMC ka kitna charge hai?',
    );
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'send-quote' });
    expect(pathOf(ended)).toEqual(['entry:next', 'intro:next', 'reply:matched', 'asksPrice:yes', 'quote:exited']);

    // The stored event holds the same intent the run branched on.
    const detail = await json(`/api/leads/${lead.id}`);
    const reply = detail.events.find((e: { type: string }) => e.type === 'whatsapp_reply');
    expect(reply.properties).toMatchObject({
      text: 'AMC ka kitna charge hai?',
      intent: { intent: 'pricing', language: 'hi-Latn', confidence: expect.any(Number) },
    });

    const { page } = browser;
    await page.goto(`${stack.webUrl}/leads/${lead.id}`);
    const timeline = page.getByLabel('Lead timeline');
    await timeline.getByText(/pricing \d+%/).waitFor();
    expect(existsSync(await browser.screenshot('reply-intent-lead-timeline'))).toBe(true);
  });

  // A new Hinglish "later" (in no split of the corpus) must not be taken for a price ask.
  it('a WhatsApp reply putting the talk off to later takes the run past its pricing branch', async () => {
    const token = await signInToApi(stack);
    const text = 'abhi busy hoon, Diwali ke baad dekhenge';
    const { lead, ended } = await replyAndWaitForTheRun(
      token,
      { externalId: 'intent-e2e-2', phone: '+919812345671' },
      text,
    );
    expect(ended).toMatchObject({ status: 'exited', exitReason: 'other' });
    expect(pathOf(ended)).toEqual(['entry:next', 'intro:next', 'reply:matched', 'asksPrice:no', 'other:exited']);
    const detail = await stackJson(stack, token)(`/api/leads/${lead.id}`);
    const reply = detail.events.find((e: { type: string }) => e.type === 'whatsapp_reply');
    expect(reply.properties).toMatchObject({ text, intent: { intent: 'later', language: 'hi-Latn' } });
  });
});
