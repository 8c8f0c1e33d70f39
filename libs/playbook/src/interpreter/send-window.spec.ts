import type { PlaybookSettings } from '../playbook-schema';
import { localDayKey, nextSendDeferral } from './send-window';

const settings: PlaybookSettings = { goalEvents: ['demo_booked'], reentry: { policy: 'never' } };

describe('localDayKey', () => {
  it('uses the lead-local calendar day', () => {
    expect(localDayKey(new Date('2026-01-02T20:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-03');
    expect(localDayKey(new Date('2026-01-02T20:00:00Z'), 'America/New_York')).toBe('2026-01-02');
  });
});

describe('nextSendDeferral', () => {
  it('is null without quiet hours or cap', () => {
    expect(nextSendDeferral(settings, 'UTC', {}, new Date('2026-01-02T03:00:00Z'))).toBeNull();
  });

  it('defers to the end of wrapping quiet hours in the lead zone', () => {
    const quiet = { ...settings, quietHours: { start: '20:00', end: '08:00' } };
    expect(nextSendDeferral(quiet, 'Europe/Paris', {}, new Date('2026-03-02T21:00:00Z'))).toEqual({
      until: new Date('2026-03-03T07:00:00Z'),
      because: 'quietHours',
    });
    expect(nextSendDeferral(quiet, 'Europe/Paris', {}, new Date('2026-03-02T12:00:00Z'))).toBeNull();
  });

  it('is DST-safe: quiet hours ending the morning after the spring change', () => {
    const quiet = { ...settings, quietHours: { start: '22:00', end: '07:00' } };
    // Europe/Berlin moves to UTC+2 on 29 March 2026; 07:00 local is then 05:00Z.
    expect(nextSendDeferral(quiet, 'Europe/Berlin', {}, new Date('2026-03-28T22:30:00Z'))?.until).toEqual(
      new Date('2026-03-29T05:00:00Z'),
    );
  });

  it('defers a capped day to the next local midnight, then past quiet hours', () => {
    const capped = { ...settings, maxTouchesPerDay: 2 };
    expect(nextSendDeferral(capped, 'Asia/Kolkata', { '2026-03-02': 2 }, new Date('2026-03-02T05:00:00Z'))).toEqual({
      until: new Date('2026-03-02T18:30:00Z'),
      because: 'dailyCap',
    });
    const both = { ...capped, quietHours: { start: '21:00', end: '08:00' } };
    expect(
      nextSendDeferral(both, 'Asia/Kolkata', { '2026-03-02': 2 }, new Date('2026-03-02T05:00:00Z'))?.until,
    ).toEqual(new Date('2026-03-03T02:30:00Z'));
    expect(nextSendDeferral(capped, 'Asia/Kolkata', { '2026-03-02': 1 }, new Date('2026-03-02T05:00:00Z'))).toBeNull();
  });
});
