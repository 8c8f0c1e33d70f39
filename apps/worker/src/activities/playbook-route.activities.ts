import { chooseOwner, type Rep } from '@segflow/routing';
import type { CommandResult } from '@segflow/playbook';
import { resolveRepCalendar, type BusinessCalendar, type Holiday, type WeeklyHours } from '@segflow/sla';
import type { RouteOwnerInput } from '@segflow/workflow-contracts';
import type { Pool, PoolClient } from 'pg';

type RepRow = {
  id: string; name: string; email: string | null; team_id: string; active: boolean; capacity: number | null;
  working_hours: WeeklyHours | null; holidays: Holiday[]; team_calendar: BusinessCalendar | null; team_holidays: Holiday[] | null;
  open_tasks: string; out_of_office: { from: string; to: string }[];
};

// Each rep's calendar follows libs/sla's rule (own hours, else the team's; team plus own holidays), the same one
// their SLA clocks count in; out-of-office periods that have not ended yet are loaded so chooseOwner can skip a
// rep who is away at decision time.
async function loadReps(client: PoolClient, now: Date): Promise<Rep[]> {
  const { rows } = await client.query<RepRow>(
    `SELECT r.id, r.name, r.email, r.team_id, r.active, r.capacity, r.working_hours, r.holidays,
            t.calendar AS team_calendar, t.holidays AS team_holidays,
            (SELECT count(*) FROM tasks k WHERE k.assignee_id = r.id AND k.status = 'open') AS open_tasks,
            COALESCE((SELECT json_agg(json_build_object('from', o.starts_at, 'to', o.ends_at)) FROM out_of_office o
                       WHERE o.rep_id = r.id AND o.ends_at > $1), '[]') AS out_of_office
     FROM reps r LEFT JOIN teams t ON t.id = r.team_id ORDER BY r.id`,
    [now],
  );
  return rows.map((r) => {
    const outOfOffice = r.out_of_office.map((o) => ({ from: new Date(o.from), to: new Date(o.to) }));
    const resolved = resolveRepCalendar({
      rep: { workingHours: r.working_hours, holidays: r.holidays, outOfOffice },
      team: r.team_calendar || r.team_holidays ? { calendar: r.team_calendar, holidays: r.team_holidays ?? [] } : null,
      fallback: null,
    });
    return {
      id: r.id, name: r.name, teamId: r.team_id, active: r.active, openTasks: Number(r.open_tasks), outOfOffice,
      ...(r.capacity === null ? {} : { capacity: r.capacity }), ...(resolved ? { calendar: resolved.calendar } : {}),
    };
  });
}

async function storedDecision(client: PoolClient, { runId, command }: RouteOwnerInput): Promise<CommandResult | null> {
  const { rows } = await client.query<{ rep_id: string | null; reason: string; name: string | null; email: string | null }>(
    `SELECT a.rep_id, a.reason, r.name, r.email FROM owner_assignments a LEFT JOIN reps r ON r.id = a.rep_id
     WHERE a.run_id = $1 AND a.node_id = $2 AND a.visit = $3`,
    [runId, command.nodeId, command.visit],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.rep_id) return { kind: 'failed', reason: row.reason };
  return { kind: 'ownerAssigned', owner: { id: row.rep_id, name: row.name ?? row.rep_id, ...(row.email ? { address: row.email } : {}) } };
}

/**
 * Chooses the lead's owner with `@segflow/routing` and records the decision and its reason once per
 * (run, node, visit); the round-robin cursor is advanced in the same transaction.
 */
export function createPlaybookRouteActivities({ pool }: { pool: Pool }) {
  return {
    async routeOwner(input: RouteOwnerInput): Promise<CommandResult> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Serialises decisions so two runs never read the same round-robin position.
        await client.query('LOCK TABLE routing_cursors IN EXCLUSIVE MODE');
        const stored = await storedDecision(client, input);
        if (stored) {
          await client.query('COMMIT');
          return stored;
        }
        const cursors = await client.query<{ team_id: string; position: number }>('SELECT team_id, position FROM routing_cursors');
        const teams = await client.query<{ id: string; name: string }>('SELECT id, name FROM teams');
        const { attributes } = input.lead;
        const decision = chooseOwner({
          rule: input.command.rule,
          lead: { city: typeof attributes.city === 'string' ? attributes.city : undefined, country: typeof attributes.country === 'string' ? attributes.country : undefined },
          reps: await loadReps(client, new Date(input.now)),
          roundRobinCursor: Object.fromEntries(cursors.rows.map((c) => [c.team_id, c.position])),
          now: new Date(input.now),
          teamNames: Object.fromEntries(teams.rows.map((t) => [t.id, t.name])),
        });
        await client.query(
          `INSERT INTO owner_assignments (run_id, node_id, visit, lead_id, rep_id, team_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [input.runId, input.command.nodeId, input.command.visit, input.command.leadId, decision.ok ? decision.repId : null, decision.ok ? decision.teamId : null, decision.reason],
        );
        if (decision.ok) {
          for (const [teamId, position] of Object.entries(decision.nextCursor)) {
            await client.query(
              'INSERT INTO routing_cursors (team_id, position) VALUES ($1, $2) ON CONFLICT (team_id) DO UPDATE SET position = EXCLUDED.position',
              [teamId, position],
            );
          }
          await client.query('UPDATE leads SET owner_id = $2, updated_at = now() WHERE id = $1', [input.command.leadId, decision.repId]);
        }
        const result = await storedDecision(client, input);
        await client.query('COMMIT');
        return result!;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
