import { wholeDays } from './whole-days';

const at = (iso: string) => new Date(iso);

describe('wholeDays', () => {
  it('keeps a range that starts and ends at midnight UTC whole', () => {
    expect(wholeDays(at('2026-01-01T00:00:00Z'), at('2026-01-31T00:00:00Z'))).toEqual({
      from: at('2026-01-01T00:00:00Z'),
      to: at('2026-01-31T00:00:00Z'),
    });
  });

  it('rounds the start up and the end down to midnight UTC', () => {
    expect(wholeDays(at('2026-01-01T12:00:00Z'), at('2026-01-04T06:00:00Z'))).toEqual({
      from: at('2026-01-02T00:00:00Z'),
      to: at('2026-01-04T00:00:00Z'),
    });
  });

  it('yields an empty span at `to` when no whole day fits', () => {
    expect(wholeDays(at('2026-01-01T12:00:00Z'), at('2026-01-02T06:00:00Z'))).toEqual({
      from: at('2026-01-02T06:00:00Z'),
      to: at('2026-01-02T06:00:00Z'),
    });
    expect(wholeDays(at('2026-01-01T00:00:00.001Z'), at('2026-01-02T00:00:00Z'))).toEqual({
      from: at('2026-01-02T00:00:00Z'),
      to: at('2026-01-02T00:00:00Z'),
    });
  });
});
