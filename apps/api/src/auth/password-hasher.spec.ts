import bcrypt from 'bcryptjs';
import { loadConfigOrThrow } from '../config/app-config';
import { PasswordHasher } from './password-hasher';

const hasherAt = (cost: number) =>
  new PasswordHasher(loadConfigOrThrow({ DATABASE_URL: 'postgres://localhost/db', AUTH_SCRYPT_COST: String(cost) }));

describe('PasswordHasher', () => {
  const sut = hasherAt(10);

  it('hashes with scrypt under a fresh salt, and checks the password against it', async () => {
    const [a, b] = [await sut.hash('correct horse'), await sut.hash('correct horse')];
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(a).not.toBe(b);
    expect(await sut.check('correct horse', a)).toEqual({ correct: true, needsRehash: false });
    expect(await sut.check('correct horsf', a)).toEqual({ correct: false, needsRehash: false });
  });

  it('still accepts a bcrypt hash from before, and asks for it to be replaced', async () => {
    const legacy = bcrypt.hashSync('old password', 4);
    expect(await sut.check('old password', legacy)).toEqual({ correct: true, needsRehash: true });
    expect(await sut.check('wrong password', legacy)).toEqual({ correct: false, needsRehash: false });
  });

  it('asks for a rehash when the configured cost changed, and verifies at the cost the hash was made with', async () => {
    const cheap = await sut.hash('pw-12345678');
    expect(await hasherAt(11).check('pw-12345678', cheap)).toEqual({ correct: true, needsRehash: true });
  });

  it('says no for an unknown user (no hash) whatever the password', async () => {
    expect(await sut.check('segflow-unknown-user', undefined)).toEqual({ correct: false, needsRehash: false });
  });

  it('keeps the event loop turning while it hashes: scrypt runs on the thread pool', async () => {
    let ticks = 0;
    let hashing = true;
    const spin = () => {
      ticks += 1;
      if (hashing) setImmediate(spin);
    };
    setImmediate(spin);
    await hasherAt(14).hash('a password of some length');
    hashing = false;
    // A hash on the main thread (bcryptjs gives the loop a turn only every ~100 ms) would allow a handful.
    expect(ticks).toBeGreaterThan(100);
  });
});
