import { DEFAULT_WHATSAPP_API_URL, loadWorkerConfigOrThrow } from './config';

const DATABASE_URL = 'postgres://segflow@127.0.0.1:5433/segflow';

describe('loadWorkerConfigOrThrow', () => {
  it('defaults to Meta\'s Graph API at a pinned version, with WhatsApp sending off', () => {
    expect(loadWorkerConfigOrThrow({ DATABASE_URL })).toMatchObject({ WHATSAPP_API_URL: DEFAULT_WHATSAPP_API_URL });
    expect(DEFAULT_WHATSAPP_API_URL).toMatch(/^https:\/\/graph\.facebook\.com\/v\d+\.0$/);
  });

  it('takes a phone number id and token together', () => {
    expect(loadWorkerConfigOrThrow({ DATABASE_URL, WHATSAPP_PHONE_NUMBER_ID: '109876', WHATSAPP_ACCESS_TOKEN: 't' })).toMatchObject({ WHATSAPP_PHONE_NUMBER_ID: '109876' });
    expect(() => loadWorkerConfigOrThrow({ DATABASE_URL, WHATSAPP_ACCESS_TOKEN: 't' })).toThrow(/WHATSAPP_ACCESS_TOKEN: set WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID together/);
  });

  it('names a bad API URL', () => {
    expect(() => loadWorkerConfigOrThrow({ DATABASE_URL, WHATSAPP_API_URL: 'graph.facebook.com' })).toThrow(/WHATSAPP_API_URL/);
  });
});
