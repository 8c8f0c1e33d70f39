import type { OutgoingTouch } from '../activities/playbook-touch-provider';
import type { EmailSettings } from '../email/email-message';
import { hmacSigner } from '../touch-providers';

/** Email settings for specs: a test secret and the `segflow.test` domains. */
export function testEmailSettings(overrides: Partial<EmailSettings> = {}): EmailSettings {
  return {
    publicUrl: 'https://app.segflow.test',
    fromDomain: 'mail.segflow.test',
    inboundDomain: 'reply.segflow.test',
    trackOpens: false,
    sign: hmacSigner('spec-secret-0123456789abcdef'),
    ...overrides,
  };
}

/** An email touch as deliverTouch hands it to a provider. */
export function sampleEmailTouch(overrides: Partial<OutgoingTouch> = {}): OutgoingTouch {
  return {
    touchId: '0b9c6f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
    leadId: 'lead-1',
    idempotencyKey: 'run-1:intro:1',
    messageId: '<run-1.intro.1@mail.segflow.test>',
    channel: 'email',
    to: 'asha@suratsilks.in',
    from: { name: 'Meera Kulkarni', address: 'meera@segflow.local' },
    subject: 'Hello Asha',
    body: 'Hi Asha,\n\nOur pricing: https://segflow.test/pricing?plan=pro&seats=3',
    html: null,
    whatsappTemplate: null,
    ...overrides,
  };
}
