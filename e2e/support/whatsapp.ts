import type { PlaybookSettings } from '@segflow/playbook';
import { buildPlaybook, type NodeSpec } from '@segflow/playbook/testing';
import { Stack, startStack } from './stack';

/** WhatsApp sandbox settings of a test API or stack (the worker gets the sandbox's URL once the API's port is known). */
export const SANDBOX_ENV = {
  WHATSAPP_SANDBOX: 'on',
  WHATSAPP_APP_SECRET: 'e2e-app-secret',
  WHATSAPP_ACCESS_TOKEN: 'e2e-access-token',
  WHATSAPP_PHONE_NUMBER_ID: '109876',
  WHATSAPP_VERIFY_TOKEN: 'e2e-verify-token',
};
const sender = { kind: 'fixed', name: 'Segflow', address: '+15550000000' } as const;
const settings = {
  goalEvents: ['demo_booked'],
  reentry: { policy: 'always' },
  quietHours: null,
  maxTouchesPerDay: null,
} satisfies Partial<PlaybookSettings>;
/** The template intro (outside the 24-hour window) and a 3-minute wait for the lead's WhatsApp answer. */
const introAndWait: NodeSpec[] = [
  {
    id: 'intro',
    type: 'send',
    config: {
      channel: 'whatsapp',
      body: 'Hi {{lead.firstName}}',
      sender,
      onFailure: 'exit',
      whatsappTemplate: {
        name: 'intro_followup',
        language: 'en',
        parameters: ['{{lead.firstName}}', '{{lead.company}}'],
      },
    },
  },
  { id: 'reply', type: 'waitForEvent', config: { eventTypes: ['whatsapp_reply'], timeoutMinutes: 3 } },
];

/** The stack as `npm start` wires the sandbox: the worker's WHATSAPP_API_URL on the API's Graph API sandbox. */
export function startWhatsAppStack(name: string): Promise<Stack> {
  return startStack(name, (apiUrl) => ({ ...SANDBOX_ENV, WHATSAPP_API_URL: `${apiUrl}/api/sandbox/whatsapp/v25.0` }));
}

/** WhatsApp intro (template outside the window) → wait for a WhatsApp reply (3 min) → replied? thanks (free-form) : exit. */
export const whatsappReplyPlaybook = buildPlaybook({
  settings,
  nodes: [
    ...introAndWait,
    { id: 'replied', type: 'branch', config: { condition: { op: 'eventSeen', eventType: 'whatsapp_reply' } } },
    {
      id: 'thanks',
      type: 'send',
      config: {
        channel: 'whatsapp',
        body: 'Thanks {{lead.firstName}}! Here is the demo link.',
        sender,
        onFailure: 'exit',
      },
    },
    { id: 'won', type: 'exit', config: { reason: 'replied' } },
    { id: 'silent', type: 'exit', config: { reason: 'no-reply' } },
  ],
  edges: [
    'entry.next->intro',
    'intro.next->reply',
    'reply.matched->replied',
    'reply.timedOut->replied',
    'replied.yes->thanks',
    'thanks.next->won',
    'replied.no->silent',
  ],
});

/** WhatsApp intro → wait for a WhatsApp reply (3 min) → does the reply ask for the price? quote : other (both exits). */
export const whatsappIntentPlaybook = buildPlaybook({
  settings,
  nodes: [
    ...introAndWait,
    { id: 'asksPrice', type: 'branch', config: { condition: { op: 'replyIntent', intent: 'pricing' } } },
    { id: 'quote', type: 'exit', config: { reason: 'send-quote' } },
    { id: 'other', type: 'exit', config: { reason: 'other' } },
  ],
  edges: [
    'entry.next->intro',
    'intro.next->reply',
    'reply.matched->asksPrice',
    'reply.timedOut->other',
    'asksPrice.yes->quote',
    'asksPrice.no->other',
  ],
});

/**
 * WhatsApp intro → wait for a WhatsApp reply (3 min) → wait for another (2 min): a webhook Meta retries must not
 * count as the second reply, so the run exits `heard-once` on the second wait's timeout.
 */
export const whatsappSecondReplyPlaybook = buildPlaybook({
  settings,
  nodes: [
    ...introAndWait,
    { id: 'again', type: 'waitForEvent', config: { eventTypes: ['whatsapp_reply'], timeoutMinutes: 2 } },
    { id: 'twice', type: 'exit', config: { reason: 'heard-twice' } },
    { id: 'once', type: 'exit', config: { reason: 'heard-once' } },
    { id: 'silent', type: 'exit', config: { reason: 'no-reply' } },
  ],
  edges: [
    'entry.next->intro',
    'intro.next->reply',
    'reply.matched->again',
    'reply.timedOut->silent',
    'again.matched->twice',
    'again.timedOut->once',
  ],
});
