import type { LeadExportDto } from '@segflow/api-contracts';
import type { Queryable } from './queryable';
import { suppressionKeyOf } from './suppressions.store';

/**
 * Everything Segflow holds about one lead, table by table (the export document without its time). A read model over
 * every table that keeps lead data.
 */
export type LeadExportRows = Omit<LeadExportDto, 'exportedAt'>;

// A JSON array of the rows of `table` (aliased `t`) matching `where`, each row extended by `extra` (a jsonb expression).
const rowsOf = (table: string, where: string, order: string, extra = "'{}'::jsonb") =>
  `COALESCE((SELECT jsonb_agg(to_jsonb(t) || ${extra} ORDER BY ${order}) FROM ${table} t WHERE ${where}), '[]'::jsonb)`;

const STEPS_OF_RUN = `jsonb_build_object('steps', COALESCE(
  (SELECT jsonb_agg(to_jsonb(s) ORDER BY s.entered_at, s.visit) FROM run_steps s WHERE s.run_id = t.id), '[]'::jsonb))`;
const ACTIVITY_OF_TASK = `jsonb_build_object('activity', COALESCE(
  (SELECT jsonb_agg(to_jsonb(a) ORDER BY a.created_at, a.id) FROM task_activity a WHERE a.task_id = t.id), '[]'::jsonb))`;
const SUPPRESSION_OF_LEAD = `t.lead_id = l.id
  OR (t.channel = 'email' AND t.address = ${suppressionKeyOf('lower(l.email)')})
  OR (t.channel = 'whatsapp' AND t.address = ${suppressionKeyOf('l.phone')})`;

/**
 * The lead's data in one round trip (one snapshot); null when there is no such lead.
 * @example const rows = await exportLeadRows(manager, leadId);
 */
export async function exportLeadRows(db: Queryable, leadId: string): Promise<LeadExportRows | null> {
  const rows: { doc: LeadExportRows | null }[] = await db.query(
    `SELECT CASE WHEN l.id IS NULL THEN NULL ELSE jsonb_build_object(
       'lead', to_jsonb(l),
       'features', (SELECT to_jsonb(f) FROM lead_features f WHERE f.lead_id = l.id),
       'events', ${rowsOf('events', 't.lead_id = l.id', 't.occurred_at')},
       'memberships', ${rowsOf('segment_memberships', 't.lead_id = l.id', 't.entered_at')},
       'runs', ${rowsOf('runs', 't.lead_id = l.id', 't.started_at', STEPS_OF_RUN)},
       'touches', ${rowsOf('touches', 't.lead_id = l.id', 't.created_at')},
       'tasks', ${rowsOf('tasks', 't.lead_id = l.id', 't.created_at', ACTIVITY_OF_TASK)},
       'ownerAssignments', ${rowsOf('owner_assignments', 't.lead_id = l.id', 't.decided_at')},
       'slaClocks', ${rowsOf('sla_clocks', 't.lead_id = l.id', 't.entered_at')},
       'consentChanges', ${rowsOf('consent_changes', 't.lead_id = l.id', 't.occurred_at')},
       'suppressions', ${rowsOf('suppressions', SUPPRESSION_OF_LEAD, 't.created_at')},
       'inboundMessages', ${rowsOf('inbound_messages', 't.lead_id = l.id', 't.received_at')},
       'auditEntries', ${rowsOf('audit_log', `t.entity_type = 'lead' AND t.entity_id = l.id::text`, 't.id')}
     ) END AS doc
     FROM (SELECT $1::uuid AS wanted) w LEFT JOIN leads l ON l.id = w.wanted`,
    [leadId],
  );
  return rows[0]?.doc ?? null;
}
