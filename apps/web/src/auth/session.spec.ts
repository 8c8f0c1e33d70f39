import { homePathOf, pathAfterSignIn } from './session';

describe('pathAfterSignIn', () => {
  it('returns to the page that asked for sign-in', () => {
    expect(pathAfterSignIn('?next=%2Fdashboard%3Ffrom%3D2026-01-01', 'manager')).toBe('/dashboard?from=2026-01-01');
  });

  it('refuses other origins and the sign-in page itself', () => {
    expect(pathAfterSignIn('?next=//evil.example', 'rep')).toBe('/inbox');
    expect(pathAfterSignIn('?next=https://evil.example', 'rep')).toBe('/inbox');
    expect(pathAfterSignIn('?next=/sign-in', 'ops')).toBe('/leads');
  });

  it('lands each role on its home page', () => {
    expect(['rep', 'manager', 'ops', 'admin'].map((r) => homePathOf(r as never))).toEqual([
      '/inbox',
      '/dashboard',
      '/leads',
      '/leads',
    ]);
  });
});
