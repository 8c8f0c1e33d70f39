import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The outcome of a password check; `needsRehash` asks the caller to store a fresh hash of the (correct) password. */
export interface PasswordCheck {
  correct: boolean;
  needsRehash: boolean;
}

const BLOCK_SIZE = 8;
const KEY_BYTES = 32;
// PHC string format: $scrypt$ln=<log2 N>,r=<block size>,p=<parallelism>$<salt>$<hash>, both base64 without padding.
const SCRYPT_HASH = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Password hashes with node's scrypt, which runs on libuv's thread pool, so a burst of sign-ins never stalls the
 * event loop (bcryptjs, used before, hashed on the main thread). Existing bcrypt hashes still verify and are
 * replaced by scrypt at the user's next sign-in. The cost comes from AUTH_SCRYPT_COST (tests lower it).
 */
@Injectable()
export class PasswordHasher {
  private unknownUserHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async hash(password: string): Promise<string> {
    const logN = this.config.AUTH_SCRYPT_COST;
    const salt = randomBytes(16);
    const key = await scryptKey(password, salt, logN, BLOCK_SIZE, 1);
    return `$scrypt$ln=${logN},r=${BLOCK_SIZE},p=1$${unpadded(salt)}$${unpadded(key)}`;
  }

  /** Constant-time check; with no hash (unknown email) it still spends one hashing so timing does not tell. */
  async check(password: string, hash: string | undefined): Promise<PasswordCheck> {
    this.unknownUserHash ??= this.hash('segflow-unknown-user');
    const stored = hash ?? (await this.unknownUserHash);
    const scrypted = SCRYPT_HASH.exec(stored);
    const matches = scrypted ? await matchesScrypt(password, scrypted) : await bcrypt.compare(password, stored);
    const current =
      scrypted !== null && Number(scrypted[1]) === this.config.AUTH_SCRYPT_COST && Number(scrypted[2]) === BLOCK_SIZE;
    return { correct: hash !== undefined && matches, needsRehash: hash !== undefined && matches && !current };
  }
}

async function matchesScrypt(password: string, [, logN, r, p, salt, key]: RegExpExecArray): Promise<boolean> {
  const expected = Buffer.from(key!, 'base64');
  const actual = await scryptKey(
    password,
    Buffer.from(salt!, 'base64'),
    Number(logN),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

function scryptKey(
  password: string,
  salt: Buffer,
  logN: number,
  r: number,
  p: number,
  bytes = KEY_BYTES,
): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; node refuses above `maxmem` (32 MiB by default, exactly the default cost's need).
  const options = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, bytes, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const unpadded = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
