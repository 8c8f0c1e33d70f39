import { loadConfigOrThrow } from './app-config';

const trustProxyOf = (value?: string) =>
  loadConfigOrThrow({ DATABASE_URL: 'postgres://localhost/db', API_TRUST_PROXY: value }).API_TRUST_PROXY;

describe('API_TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(trustProxyOf(undefined)).toBe(false);
    expect(trustProxyOf('false')).toBe(false);
  });

  it('takes a hop count', () => {
    expect(trustProxyOf('1')).toBe(1);
    expect(trustProxyOf('2')).toBe(2);
  });

  it('takes a list of addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(trustProxyOf('10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback')).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses true and says what to give instead', () => {
    expect(() => trustProxyOf('true')).toThrow(
      /API_TRUST_PROXY: true would trust a forged X-Forwarded-For from any client; give the number of proxies .* \(e\.g\. 1\) or .* \(e\.g\. 10\.0\.0\.0\/8,127\.0\.0\.1\)/,
    );
  });

  it('names each entry that is not an address or range', () => {
    expect(() => trustProxyOf('10.0.0.0/33,nginx,127.0.0.1')).toThrow(
      /API_TRUST_PROXY: not an IP address or CIDR range: "10.0.0.0\/33", "nginx"/,
    );
  });
});
