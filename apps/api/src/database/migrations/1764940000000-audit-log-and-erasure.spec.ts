import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../../tools/testing/test-database';
import { MIGRATIONS } from '../schema';
import { AuditLogAndErasure1764940000000 } from './1764940000000-audit-log-and-erasure';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('migration 1764940000000: suppressions by hash', () => {
  it('replaces every stored address by its SHA-256, so the suppression keeps matching without the address', async () => {
    const url = await createTestDatabase('suppression_hash_migration');
    const index = MIGRATIONS.indexOf(AuditLogAndErasure1764940000000);
    const migrateUpTo = async (count: number) => {
      const source = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, count) });
      await source.initialize();
      try {
        await source.runMigrations({ transaction: 'each' });
      } finally {
        await source.destroy();
      }
    };
    await migrateUpTo(index);
    const db = new DataSource({ type: 'postgres', url });
    await db.initialize();
    try {
      await db.query(`INSERT INTO suppressions (channel, address, reason, source) VALUES
        ('email', 'asha@suratsilks.in', 'unsubscribe', 'spec'), ('whatsapp', '+919812345001', 'hard_bounce', 'spec')`);
      await migrateUpTo(index + 1);
      expect(await db.query(`SELECT channel, address FROM suppressions ORDER BY channel`)).toEqual([
        { channel: 'email', address: sha256('asha@suratsilks.in') },
        { channel: 'whatsapp', address: sha256('+919812345001') },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
