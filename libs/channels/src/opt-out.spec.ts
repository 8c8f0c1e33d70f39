import { isOptOutMessage, normalizeOptOutText, OPT_OUT_MAX_LENGTH } from './opt-out';

describe('isOptOutMessage', () => {
  it.each(['STOP', 'stop', ' Stop. ', 'UNSUBSCRIBE', 'Opt out', 'OPT-OUT', 'stop all', 'STOP ALL 🙏'])(
    'English %j opts out',
    (text) => {
      expect(isOptOutMessage(text)).toBe(true);
    },
  );

  it.each(['band karo', 'Band Karo!!', 'mat bhejo', 'बंद करो', 'बंद करो।', 'रोकें', 'मत भेजो'])(
    'Hindi / Hinglish %j opts out',
    (text) => {
      expect(isOptOutMessage(text)).toBe(true);
    },
  );

  it.each(['Yes, interested', 'Please stop by our stall tomorrow', "don't stop", 'stopwatch', 'band', ''])(
    '%j does not',
    (text) => {
      expect(isOptOutMessage(text)).toBe(false);
    },
  );

  it(`ignores messages longer than ${OPT_OUT_MAX_LENGTH} characters`, () => {
    expect(isOptOutMessage(`stop${' '.repeat(OPT_OUT_MAX_LENGTH)}`)).toBe(false);
  });
});

describe('normalizeOptOutText', () => {
  it('drops punctuation, keeps Devanagari marks, collapses spaces', () => {
    expect(normalizeOptOutText('  Mat   BHEJO!! ')).toBe('mat bhejo');
    expect(normalizeOptOutText('बंद करो।')).toBe('बंद करो');
  });
});
