import { createHmac } from 'node:crypto';
import { replyAddress, signToken, touchIdOfReplyAddress, verifyToken } from './tokens';

const signerOf = (secret: string) => (data: string) => createHmac('sha256', secret).update(data).digest('base64url');
const sign = signerOf('test-secret');
const touchId = '0b9c4f2e-1d3a-4b5c-8d7e-6f5a4b3c2d1e';

describe('signed tokens', () => {
  it('round-trips unsubscribe and click claims, the URL included', () => {
    expect(verifyToken(signToken({ purpose: 'unsubscribe', touchId }, sign), sign)).toEqual({
      purpose: 'unsubscribe',
      touchId,
    });
    const url = 'https://example.in/pricing?plan=pro&ref=मेल';
    expect(verifyToken(signToken({ purpose: 'click', touchId, url }, sign), sign)).toEqual({
      purpose: 'click',
      touchId,
      url,
    });
  });

  it('refuses a token signed with another secret, an altered payload or MAC, and junk', () => {
    const token = signToken({ purpose: 'click', touchId, url: 'https://example.in' }, sign);
    expect(verifyToken(token, signerOf('other-secret'))).toBeNull();
    const [payload, mac] = token.split('.') as [string, string];
    const forgedPayload = signToken({ purpose: 'click', touchId, url: 'https://evil.example' }, signerOf('x')).split(
      '.',
    )[0];
    expect(verifyToken(`${forgedPayload}.${mac}`, sign)).toBeNull();
    expect(verifyToken(`${payload}.${mac.slice(0, -1)}A`, sign)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', '%%%.x', `${payload}`]) expect(verifyToken(junk, sign)).toBeNull();
  });

  it('carries no address or name: only the purpose, the touch id and a click URL', () => {
    const token = signToken({ purpose: 'unsubscribe', touchId }, sign);
    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).toBe(JSON.stringify(['u', touchId]));
  });
});

describe('reply addresses', () => {
  it('name their touch, case-insensitively, within RFC 5321 local-part length', () => {
    const address = replyAddress(touchId, 'reply.segflow.test', sign);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(touchIdOfReplyAddress(address, 'reply.segflow.test', sign)).toBe(touchId);
    expect(touchIdOfReplyAddress(address.toUpperCase(), 'reply.segflow.test', sign)).toBe(touchId);
  });

  it('refuse another domain, another secret and an altered touch id', () => {
    const address = replyAddress(touchId, 'reply.segflow.test', sign);
    expect(touchIdOfReplyAddress(address, 'other.test', sign)).toBeNull();
    expect(touchIdOfReplyAddress(address, 'reply.segflow.test', signerOf('other'))).toBeNull();
    expect(touchIdOfReplyAddress(address.replace('reply+0b9c', 'reply+1b9c'), 'reply.segflow.test', sign)).toBeNull();
    expect(touchIdOfReplyAddress('someone@reply.segflow.test', 'reply.segflow.test', sign)).toBeNull();
  });
});
