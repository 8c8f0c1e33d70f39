import { ApplicationFailure } from '@temporalio/activity';
import {
  addressRefusal,
  isPermanentDeliveryFailure,
  PERMANENT_DELIVERY_FAILURE,
  refuseDelivery,
  touchProviderByChannel,
  type OutgoingTouch,
  type TouchProvider,
} from './playbook-touch-provider';

describe('addressRefusal', () => {
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
});

describe('refuseDelivery / isPermanentDeliveryFailure', () => {
  it('is a non-retryable ApplicationFailure; anything else is retried', () => {
    const refused = refuseDelivery('no-address:email');
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({
      nonRetryable: true,
      type: PERMANENT_DELIVERY_FAILURE,
      message: 'no-address:email',
    });
    expect(isPermanentDeliveryFailure(refused)).toBe(true);
    expect(isPermanentDeliveryFailure(new Error('connection reset'))).toBe(false);
  });
});

describe('touchProviderByChannel', () => {
  it("hands each touch to its channel's provider", async () => {
    const seen: string[] = [];
    const provider = (name: string): TouchProvider => ({
      send: async (t) => (seen.push(`${name}:${t.to}`), { providerMessageId: name }),
    });
    const routed = touchProviderByChannel({ email: provider('smtp'), whatsapp: provider('cloud-api') });
    const touch = { channel: 'email', to: 'a@b.in' } as OutgoingTouch;
    await expect(routed.send(touch)).resolves.toEqual({ providerMessageId: 'smtp' });
    await expect(routed.send({ ...touch, channel: 'whatsapp', to: '+919812345678' })).resolves.toEqual({
      providerMessageId: 'cloud-api',
    });
    expect(seen).toEqual(['smtp:a@b.in', 'cloud-api:+919812345678']);
  });
});
