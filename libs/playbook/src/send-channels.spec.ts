import { isUnreachableOnAll, sendChannelsOf } from './send-channels';
import { samplePlaybook } from './testing';

describe('sendChannelsOf', () => {
  it('lists each channel of the send nodes once, sorted', () => {
    const playbook = samplePlaybook();
    const send = playbook.nodes.find((n) => n.type === 'send')!;
    const whatsapp = { ...send, id: 'wa', config: { ...send.config, channel: 'whatsapp' as const } };
    expect(sendChannelsOf({ nodes: [whatsapp, ...playbook.nodes, whatsapp] })).toEqual(['email', 'whatsapp']);
  });

  it('is empty for a playbook without send nodes', () => {
    expect(sendChannelsOf({ nodes: samplePlaybook().nodes.filter((n) => n.type !== 'send') })).toEqual([]);
  });
});

describe('isUnreachableOnAll', () => {
  it('is true only when every channel the playbook sends on is withdrawn', () => {
    expect(isUnreachableOnAll(['email', 'whatsapp'], ['email'])).toBe(false);
    expect(isUnreachableOnAll(['email', 'whatsapp'], ['whatsapp', 'email'])).toBe(true);
    expect(isUnreachableOnAll([], ['email', 'whatsapp', 'linkedin'])).toBe(false);
  });
});
