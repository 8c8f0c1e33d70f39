import { isItemFault, writeIsolatingItemFaults } from './isolate-item-faults';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('isItemFault', () => {
  it.each(['22P05', '22021', '23514', '23502', '54000', 'XX000'])('blames the rows for SQLSTATE %s', (code) => {
    expect(isItemFault(pgError(code))).toBe(true);
  });

  it.each(['08006', '40P01', '40001', '53300', '57014', '57P01', '58030', '42804', '42703'])(
    'does not blame the rows for SQLSTATE %s',
    (code) => {
      expect(isItemFault(pgError(code))).toBe(false);
    },
  );

  it('does not blame the rows for errors without a SQLSTATE (a socket, a timeout, a bug)', () => {
    expect(isItemFault(new Error('read ECONNRESET'))).toBe(false);
    expect(isItemFault(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isItemFault(null)).toBe(false);
  });
});

describe('writeIsolatingItemFaults', () => {
  const refuse = (item: number) => `refused ${item}`;

  it('writes the whole batch at once when it goes through', async () => {
    const write = jest.fn(async (items: readonly number[]) => items.map((i) => `ok ${i}`));
    expect(await writeIsolatingItemFaults([1, 2, 3], write, refuse)).toEqual(['ok 1', 'ok 2', 'ok 3']);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('splits until only the guilty items fail, keeping the order', async () => {
    const write = jest.fn(async (items: readonly number[]) => {
      if (items.includes(3) || items.includes(6)) throw pgError('22P05');
      return items.map((i) => `ok ${i}`);
    });
    expect(await writeIsolatingItemFaults([1, 2, 3, 4, 5, 6, 7], write, refuse)).toEqual([
      'ok 1',
      'ok 2',
      'refused 3',
      'ok 4',
      'ok 5',
      'refused 6',
      'ok 7',
    ]);
  });

  it('fails the whole batch, without splitting, when the database itself is at fault', async () => {
    const write = jest.fn(async () => {
      throw pgError('08006');
    });
    await expect(writeIsolatingItemFaults([1, 2, 3], write, refuse)).rejects.toMatchObject({ code: '08006' });
    expect(write).toHaveBeenCalledTimes(1);
  });
});
