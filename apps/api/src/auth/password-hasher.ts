import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** bcrypt hashing of passwords; the cost comes from config (tests lower it, production keeps ≥ 10). */
@Injectable()
export class PasswordHasher {
  private unknownUserHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.AUTH_BCRYPT_ROUNDS);
  }

  /** Constant-time check; with no hash (unknown email) it still spends one comparison so timing does not tell. */
  async isCorrect(password: string, hash: string | undefined): Promise<boolean> {
    this.unknownUserHash ??= this.hash('segflow-unknown-user');
    const matches = await bcrypt.compare(password, hash ?? (await this.unknownUserHash));
    return hash !== undefined && matches;
  }
}
