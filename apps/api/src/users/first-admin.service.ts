import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createFirstAdminIfNoUser } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { APP_CONFIG, AppConfig } from '../config/app-config';

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
    const created = await this.dataSource.transaction((tx) =>
      createFirstAdminIfNoUser(tx, email, async () => {
        // A generated password would have to be shown somewhere; the API's logs are shipped and kept, so it asks instead.
        if (!password)
          throw new Error(
            'no user exists yet: set SEGFLOW_ADMIN_PASSWORD (at least 8 characters) for the first admin (npm start does this for you)',
          );
        return this.passwords.hash(password);
      }),
    );
    if (created)
      // The web app has no users page yet: point at the API routes that exist (documented at /api/docs).
      this.logger.log(
        `first admin created: sign in as ${email} with the password from SEGFLOW_ADMIN_PASSWORD; change it with POST /api/auth/password, other users' with PATCH /api/users/:id (see /api/docs)`,
      );
  }
}
