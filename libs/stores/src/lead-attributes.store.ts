import type { LeadAttributeDefinition, LeadAttributeType } from '@segflow/scoring';
import type { Queryable } from './queryable';

// Owner of `lead_attributes`, the workspace's schema of custom lead attributes. The values live on `leads.attributes`
// (leads.store.ts).

const COLUMNS = 'key, label, type, enum_values AS values';

/**
 * The workspace's attributes, oldest first (the order the admin added them).
 * @example const schema = await listLeadAttributes(manager);
 */
export function listLeadAttributes(db: Queryable): Promise<LeadAttributeDefinition[]> {
  return db.query(`SELECT ${COLUMNS} FROM lead_attributes ORDER BY created_at, key`);
}

/**
 * Locks the schema until the caller's transaction ends (two admins adding the 100th attribute at once), and reads it.
 * @example const schema = await lockLeadAttributes(tx);
 */
export async function lockLeadAttributes(db: Queryable): Promise<LeadAttributeDefinition[]> {
  await db.query(`LOCK TABLE lead_attributes IN SHARE ROW EXCLUSIVE MODE`);
  return listLeadAttributes(db);
}

/**
 * Adds an attribute; null when its key exists.
 * @example await insertLeadAttribute(tx, { key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'] });
 */
export async function insertLeadAttribute(
  db: Queryable,
  def: LeadAttributeDefinition,
): Promise<LeadAttributeDefinition | null> {
  const rows: LeadAttributeDefinition[] = await db.query(
    `INSERT INTO lead_attributes (key, label, type, enum_values) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO NOTHING RETURNING ${COLUMNS}`,
    [def.key, def.label, def.type, def.values],
  );
  return rows[0] ?? null;
}

/**
 * Replaces an attribute's label, type and enum values; null when there is no such key.
 * @example await updateLeadAttribute(tx, { key: 'plan', label: 'Pricing plan', type: 'enum', values: ['free', 'pro'] });
 */
export async function updateLeadAttribute(
  db: Queryable,
  def: { key: string; label: string; type: LeadAttributeType; values: string[] },
): Promise<LeadAttributeDefinition | null> {
  const rows: LeadAttributeDefinition[] = await db.query(
    `WITH changed AS (
       UPDATE lead_attributes SET label = $2, type = $3, enum_values = $4, updated_at = now() WHERE key = $1
       RETURNING ${COLUMNS})
     SELECT * FROM changed`,
    [def.key, def.label, def.type, def.values],
  );
  return rows[0] ?? null;
}

/**
 * Removes an attribute from the schema; false when there was none. Values leads hold are removed by the caller first.
 * @example await deleteLeadAttribute(tx, 'plan');
 */
export async function deleteLeadAttribute(db: Queryable, key: string): Promise<boolean> {
  const [{ deleted }]: { deleted: number }[] = await db.query(
    `WITH gone AS (DELETE FROM lead_attributes WHERE key = $1 RETURNING key) SELECT count(*)::int AS deleted FROM gone`,
    [key],
  );
  return deleted > 0;
}
