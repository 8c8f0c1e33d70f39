import { isContactChannel } from './contact-channels';

describe('isContactChannel', () => {
  it('accepts the three channels only', () => {
    expect(['email', 'whatsapp', 'linkedin', 'sms', 'all', null].map(isContactChannel)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
