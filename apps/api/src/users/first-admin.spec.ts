import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { PasswordHasher } from '../auth/password-hasher';
import { loadConfigOrThrow } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source';
import { captureLog } from '../testing/captured-log';
import { startTestApi } from '../testing/test-api';
import { FirstAdminService } from './first-admin.service';

describe('first admin at boot (real Postgres)', () => {
  it('refuses to boot without SEGFLOW_ADMIN_PASSWORD while there is no user, instead of generating one and logging it', async () => {
    const db = await new DataSource(dataSourceOptions(await createTestDatabase('first_admin'))).initialize();
    const config = loadConfigOrThrow({ DATABASE_URL: 'postgres://localhost/unused', AUTH_SCRYPT_COST: '10' });
    const logs = jest.spyOn(Logger.prototype, 'warn');
    try {
      await expect(
        new FirstAdminService(db, new PasswordHasher(config), config).onApplicationBootstrap(),
      ).rejects.toThrow('no user exists yet: set SEGFLOW_ADMIN_PASSWORD (at least 8 characters) for the first admin');
      expect(await db.query('SELECT email FROM users')).toEqual([]);
      expect(logs).not.toHaveBeenCalled();
    } finally {
      logs.mockRestore();
      await db.destroy();
    }
  });

  it('logs that the first admin was created and how to change the password, never the password', async () => {
    const log = captureLog();
    const password = 'a-password-nobody-may-read';
    let api: Awaited<ReturnType<typeof startTestApi>> | undefined;
    try {
      api = await startTestApi({ SEGFLOW_ADMIN_PASSWORD: password, LOG_LEVEL: 'info' });
      log.stop();
      const logged = log.text();
      expect(logged).toMatch(/first admin created/);
      expect(logged).not.toContain(password);
      // The route the line points at exists and works for the first admin (there is no users page to point at).
      const route = logged.match(/change it with POST (\/api\/auth\/password)/)?.[1];
      expect(route).toBe('/api/auth/password');
      const changed = await api.request('POST', route!, {
        currentPassword: password,
        newPassword: 'another-password-1',
      });
      expect(changed.status).toBe(204);
    } finally {
      log.stop();
      await api?.close();
    }
  });
});
