import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../apps/api/src/database/data-source';
import { SlaFixtures } from '../../../apps/api/src/testing/sla-fixtures';
import { createTestDatabase } from '../../../tools/testing/test-database';
import { rowsOf } from './queryable';
import { findLeadByPhone, lastWhatsAppInboundAt } from './whatsapp-lookups.store';

describe('WhatsApp lookups store (real PostgreSQL)', () => {
  let db: DataSource;
  let fixtures: SlaFixtures;
  beforeAll(async () => {
    const url = await createTestDatabase('whatsapp_lookups');
    db = await new DataSource(dataSourceOptions(url)).initialize();
    fixtures = await SlaFixtures.connect(url);
  });
  afterAll(async () => {
    await fixtures.close();
    await db.destroy();
  });

  describe('lastWhatsAppInboundAt', () => {
    it("is the lead's newest whatsapp_reply, other types and leads aside, and null before any", async () => {
      const [lead, other] = [await fixtures.lead(), await fixtures.lead()];
      const q = rowsOf(fixtures.db);
      expect(await lastWhatsAppInboundAt(q, lead)).toBeNull();
      await fixtures.event(lead, 'whatsapp_reply', new Date('2026-01-05T09:00:00Z'));
      await fixtures.event(lead, 'whatsapp_reply', new Date('2026-01-05T11:00:00Z'));
      await fixtures.event(lead, 'email_reply', new Date('2026-01-05T12:00:00Z'));
      await fixtures.event(other, 'whatsapp_reply', new Date('2026-01-05T13:00:00Z'));
      expect(await lastWhatsAppInboundAt(q, lead)).toEqual(new Date('2026-01-05T11:00:00Z'));
      expect(await lastWhatsAppInboundAt(db, lead)).toEqual(new Date('2026-01-05T11:00:00Z'));
    });
  });

  describe('findLeadByPhone', () => {
    it('finds the most recently updated lead with the number, and null for an unknown one', async () => {
      const [older, newer] = [await fixtures.lead(), await fixtures.lead()];
      await db.query(`UPDATE leads SET phone = '+919800000001', updated_at = $2 WHERE id = $1`, [
        older,
        new Date('2026-01-01T00:00:00Z'),
      ]);
      await db.query(`UPDATE leads SET phone = '+919800000001', updated_at = $2 WHERE id = $1`, [
        newer,
        new Date('2026-01-02T00:00:00Z'),
      ]);
      expect(await findLeadByPhone(db, '+919800000001')).toEqual({
        leadId: newer,
        leadExternalId: expect.stringMatching(/^fx-/),
      });
      expect(await findLeadByPhone(db, '+919800000002')).toBeNull();
    });
  });
});
