import { buildPlaybook } from './testing';
import { withDefaultQuietHours } from './default-quiet-hours';

describe('withDefaultQuietHours', () => {
  const night = { start: '21:00', end: '09:00' };
  const withQuiet = (quietHours: { start: string; end: string } | null) =>
    buildPlaybook({ nodes: [], edges: [], settings: { quietHours } });

  it('gives a playbook that sets none the default', () => {
    expect(withDefaultQuietHours(withQuiet(null), night).settings.quietHours).toEqual(night);
  });

  it("keeps a playbook's own window, and changes nothing without a default", () => {
    const own = withQuiet({ start: '01:00', end: '02:00' });
    expect(withDefaultQuietHours(own, night)).toBe(own);
    const none = withQuiet(null);
    expect(withDefaultQuietHours(none, null)).toBe(none);
  });
});
