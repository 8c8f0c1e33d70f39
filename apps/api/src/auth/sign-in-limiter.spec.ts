import { UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { dataSourceOptions } from '../database/data-source';
import { SignInBlockedException, SignInLimiter } from './sign-in-limiter';

const limits = { maxFailuresPerEmail: 3, maxFailuresPerIp: 5, windowMs: 60_000 };
const at = (ms: number) => new Date(Date.UTC(2026, 0, 5, 10) + ms);
const wrongPassword = async () => {
  throw new UnauthorizedException('wrong email or password');
};

describe('SignInLimiter (real PostgreSQL, injected clock)', () => {
  let db: DataSource;
  let sut: SignInLimiter;
  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(await createTestDatabase('sign_in_limiter'))).initialize();
    sut = new SignInLimiter(db, limits);
  });
  afterAll(() => db.destroy());
  beforeEach(() => db.query('DELETE FROM sign_in_attempts'));

  const fail = (email: string, ip: string, ms: number) =>
    expect(sut.limitOrThrow(email, ip, wrongPassword, at(ms))).rejects.toBeInstanceOf(UnauthorizedException);
  const blocked = async (email: string, ip: string, ms: number) => {
    const check = jest.fn(async () => 'signed in');
    const error = await sut.limitOrThrow(email, ip, check, at(ms)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(check).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(SignInBlockedException);
    return error as SignInBlockedException;
  };

  it('blocks an email after its failures until the window that opened at the first one ends', async () => {
    for (const ms of [0, 10_000, 20_000]) await fail(' A@x.test', '127.0.0.1', ms);
    const error = await blocked('a@x.test', '127.0.0.9', 30_000);
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.getResponse()).toMatchObject({
      message: 'too many failed sign-in attempts for this email; try again in 30 s',
    });
    expect(await sut.limitOrThrow('a@x.test', '127.0.0.9', async () => 'signed in', at(60_000))).toBe('signed in');
    expect(await sut.limitOrThrow('other@x.test', '127.0.0.9', async () => 'signed in', at(30_000))).toBe('signed in');
  });

  it('blocks an IP guessing across emails, and gives back the email attempt it reserved', async () => {
    for (let i = 0; i < 5; i += 1) await fail(`user${i}@x.test`, '127.0.0.2', i * 1000);
    expect((await blocked('fresh@x.test', '127.0.0.2', 5000)).getResponse()).toMatchObject({
      message: expect.stringMatching(/from your network address; try again in 55 s/),
    });
    expect(await db.query(`SELECT attempts FROM sign_in_attempts WHERE key = 'email:fresh@x.test'`)).toEqual([
      { attempts: 0 },
    ]);
  });

  it("clears the email's failures on a success and gives the IP its attempt back", async () => {
    for (const ms of [0, 1, 2]) await fail('b@x.test', '127.0.0.4', ms);
    await db.query(`DELETE FROM sign_in_attempts WHERE key = 'email:b@x.test'`);
    await sut.limitOrThrow('b@x.test', '127.0.0.4', async () => 'signed in', at(3));
    const rows = await db.query(`SELECT key, attempts FROM sign_in_attempts ORDER BY key`);
    expect(rows).toEqual([{ key: 'ip:127.0.0.4', attempts: 3 }]);
  });

  it('does not count an attempt that failed for another reason than the password', async () => {
    await expect(
      sut.limitOrThrow(
        'c@x.test',
        '127.0.0.5',
        async () => {
          throw new Error('database down');
        },
        at(0),
      ),
    ).rejects.toThrow('database down');
    expect(await db.query(`SELECT key, attempts FROM sign_in_attempts ORDER BY key`)).toEqual([
      { key: 'email:c@x.test', attempts: 0 },
      { key: 'ip:127.0.0.5', attempts: 0 },
    ]);
  });

  it('sweeps ended windows after an attempt, so random emails leave no rows behind', async () => {
    for (let i = 0; i < 3; i += 1) await fail(`random${i}@x.test`, `127.0.1.${i}`, 0);
    await fail('late@x.test', '127.0.2.1', 61_000);
    expect(
      (await db.query(`SELECT key FROM sign_in_attempts ORDER BY key`)).map((r: { key: string }) => r.key),
    ).toEqual(['email:late@x.test', 'ip:127.0.2.1']);
  });
});
