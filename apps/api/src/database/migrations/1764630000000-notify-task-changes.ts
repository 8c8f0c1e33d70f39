import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tell listeners on channel `segflow_tasks` whenever a task changes (created by the worker, completed, snoozed,
 * reassigned by a manager or the SLA monitor) or the SLA of a lead with open tasks is breached. Triggers catch every
 * writer (API instances, worker activities, SQL by hand) without each having to remember to notify. The payload names
 * the task's assignees before and after the change; listeners refetch what they show. NOTIFY is delivered at commit,
 * once per distinct payload per transaction.
 */
export class NotifyTaskChanges1764630000000 implements MigrationInterface {
  name = 'NotifyTaskChanges1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION segflow_notify_task_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        assignees text[] := ARRAY[NEW.assignee_id];
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.assignee_id IS DISTINCT FROM NEW.assignee_id THEN
          assignees := assignees || OLD.assignee_id;
        END IF;
        PERFORM pg_notify('segflow_tasks', json_build_object('taskId', NEW.id, 'assignees', assignees)::text);
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER tasks_notify_insert AFTER INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION segflow_notify_task_change()`,
    );
    await q.query(
      `CREATE TRIGGER tasks_notify_update AFTER UPDATE ON tasks FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION segflow_notify_task_change()`,
    );
    await q.query(`
      CREATE FUNCTION segflow_notify_sla_breach() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        assignees text[];
      BEGIN
        SELECT array_agg(DISTINCT t.assignee_id) INTO assignees FROM tasks t WHERE t.lead_id = NEW.lead_id AND t.status = 'open';
        IF assignees IS NOT NULL THEN
          PERFORM pg_notify('segflow_tasks', json_build_object('leadId', NEW.lead_id, 'assignees', assignees)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER sla_clocks_notify_breach AFTER UPDATE OF breached_at ON sla_clocks FOR EACH ROW
        WHEN (OLD.breached_at IS NULL AND NEW.breached_at IS NOT NULL) EXECUTE FUNCTION segflow_notify_sla_breach()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER sla_clocks_notify_breach ON sla_clocks`);
    await q.query(`DROP FUNCTION segflow_notify_sla_breach()`);
    await q.query(`DROP TRIGGER tasks_notify_update ON tasks`);
    await q.query(`DROP TRIGGER tasks_notify_insert ON tasks`);
    await q.query(`DROP FUNCTION segflow_notify_task_change()`);
  }
}
