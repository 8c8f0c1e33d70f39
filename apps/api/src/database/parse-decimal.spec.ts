import { parseDecimal } from './parse-decimal';

const parsed = (text: string) => parseDecimal(Buffer.from(`#${text}#`, 'latin1'), 1, text.length + 1);

describe('parseDecimal', () => {
  it('gives exactly what Number() gives, on both sides of the fast path', () => {
    const texts = [
      '0',
      '-0',
      '7',
      '1795707798331',
      '-42',
      '0.5',
      '1.50',
      '0.0002710989643223613',
      '6.793357087998668',
      '123456789012345',
      '1234567890123456',
      '9007199254740993',
      '0.1',
      '0.30000000000000004',
      '1e-7',
      '2.5E+3',
      '0.' + '0'.repeat(21) + '1',
      '0.' + '0'.repeat(22) + '1',
      '99999999999999999999',
      '.5',
      '5.',
    ];
    for (const text of texts) expect([text, parsed(text)]).toEqual([text, Number(text)]);
  });

  it('matches Number() bit for bit on 100,000 random doubles printed as JSON and as fixed decimals', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 100_000; i++) {
      const x = (random() - 0.3) * 10 ** Math.floor(random() * 20 - 8);
      for (const text of [String(x), x.toFixed(Math.floor(random() * 18))]) {
        if (!Object.is(parsed(text), Number(text))) throw new Error(`${text}: ${parsed(text)} ≠ ${Number(text)}`);
      }
    }
  });
});
