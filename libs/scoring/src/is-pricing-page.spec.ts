import { isPricingPage } from './is-pricing-page';

describe('isPricingPage', () => {
  it.each([
    'https://acme.in/pricing',
    'https://acme.in/Pricing?ref=ad',
    '/plans',
    'https://acme.in/en/plan/pro',
    'https://acme.in/signup?plan=pro',
    '/compare/acme-vs-zoho',
  ])('matches %s with the default patterns', (url) => {
    expect(isPricingPage(url)).toBe(true);
  });

  it.each(['https://acme.in/blog/how-we-think', '/planet-earth', '/features', '/pricingtable-lib'])(
    'does not match %s',
    (url) => {
      expect(isPricingPage(url)).toBe(false);
    },
  );

  it('uses custom patterns when given', () => {
    expect(isPricingPage('/tarif', [/\/tarif$/])).toBe(true);
    expect(isPricingPage('/pricing', [/\/tarif$/])).toBe(false);
  });
});
