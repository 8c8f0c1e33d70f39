import { ApplicationFailure } from '@temporalio/activity';
import { addressRefusal, isPermanentDeliveryFailure, PERMANENT_DELIVERY_FAILURE, recordingTouchProvider } from './playbook-touch-provider';

const touch = { idempotencyKey: 'run:intro:1', leadId: 'lead-1', subject: null, body: 'Hi', from: { name: 'Segflow', address: null } };

describe('recordingTouchProvider', () => {
  it.each([
    ['email', null, 'no-address:email'],
    ['email', 'asha', 'invalid-address:email'],
    ['email', 'asha@surat.invalid', 'undeliverable-domain:email'],
    ['email', 'asha@suratsilks.in', null],
    ['whatsapp', null, 'no-address:whatsapp'],
    ['whatsapp', '98123 45678', 'invalid-address:whatsapp'],
    ['whatsapp', '+919812345678', null],
  ] as const)('%s to %s → %s', (channel, to, refusal) => {
    expect(addressRefusal(channel, to)).toBe(refusal);
  });

  it('refuses an undeliverable send for good (non-retryable ApplicationFailure) and records a deliverable one', async () => {
    const refused = await recordingTouchProvider.send({ ...touch, channel: 'email', to: null }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ nonRetryable: true, type: PERMANENT_DELIVERY_FAILURE, message: 'no-address:email' });
    expect(isPermanentDeliveryFailure(refused)).toBe(true);
    expect(isPermanentDeliveryFailure(new Error('connection reset'))).toBe(false);
    await expect(recordingTouchProvider.send({ ...touch, channel: 'whatsapp', to: '+919812345678' })).resolves.toEqual({ providerMessageId: 'rec-run:intro:1' });
  });
});
