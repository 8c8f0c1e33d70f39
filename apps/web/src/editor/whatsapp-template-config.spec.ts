import type { SendConfig } from '@segflow/playbook';
import { outsideWindowOutcome, withChannel } from './whatsapp-template-config';

const whatsapp: SendConfig = {
  channel: 'whatsapp',
  body: 'Hi {{lead.firstName}}',
  sender: { kind: 'owner' },
  onFailure: 'skip',
  whatsappTemplate: { name: 'intro_followup', language: 'en', parameters: ['{{lead.firstName}}'] },
};

describe('withChannel', () => {
  it('drops the WhatsApp template and adds a subject when switching to email', () => {
    expect(withChannel(whatsapp, 'email')).toEqual({
      channel: 'email',
      subject: '',
      body: 'Hi {{lead.firstName}}',
      sender: { kind: 'owner' },
      onFailure: 'skip',
    });
  });

  it('drops the subject when switching to WhatsApp and keeps the template while staying there', () => {
    const email = withChannel(whatsapp, 'email');
    expect(withChannel({ ...email, subject: 'Hello' }, 'whatsapp')).not.toHaveProperty('subject');
    expect(withChannel(whatsapp, 'whatsapp').whatsappTemplate).toEqual(whatsapp.whatsappTemplate);
    expect(withChannel(whatsapp, 'linkedin')).not.toHaveProperty('whatsappTemplate');
  });
});

describe('outsideWindowOutcome', () => {
  it('names the template or the failure reason', () => {
    expect(outsideWindowOutcome(whatsapp.whatsappTemplate)).toMatch(/intro_followup \(en\) with 1 body parameter /);
    expect(outsideWindowOutcome(undefined)).toMatch(/whatsapp-outside-24h-window-no-template/);
  });
});
