import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { APP_CONFIG, AppConfig } from '../config/app-config';

// Serialises the check across API replicas booting at once, so exactly one first admin is created.
const FIRST_ADMIN_LOCK = 7_640_000_001;

/** On boot with no user at all, creates the admin from SEGFLOW_ADMIN_EMAIL / SEGFLOW_ADMIN_PASSWORD (required then). */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.SEGFLOW_ADMIN_PASSWORD;
    const email = this.config.SEGFLOW_ADMIN_EMAIL.toLowerCase();
    const created = await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      const [{ exists }] = await tx.query('SELECT EXISTS (SELECT 1 FROM users) AS exists');
      if (exists) return false;
      // A generated password would have to be shown somewhere; the API's logs are shipped and kept, so it asks instead.
      if (!password) throw new Error('no user exists yet: set SEGFLOW_ADMIN_PASSWORD (at least 8 characters) for the first admin (npm start does this for you)');
      await tx.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Admin', 'admin', $2)`, [
        email,
        await this.passwords.hash(password),
      ]);
      return true;
    });
    if (created) this.logger.log(`first admin created: sign in as ${email} with the password from SEGFLOW_ADMIN_PASSWORD`);
  }
}
