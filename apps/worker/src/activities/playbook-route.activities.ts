import { chooseOwner, type Rep } from '@segflow/routing';
import type { CommandResult } from '@segflow/playbook';
import { resolveRepCalendar } from '@segflow/sla';
import {
  findOwnerAssignment,
  insertOwnerAssignment,
  lockRoutingCursors,
  routingCursors,
  routingReps,
  rowsOf,
  setOwner,
  setRoutingCursor,
  teamNames,
  withTransaction,
  type Queryable,
} from '@segflow/stores';
import type { RouteOwnerInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

// Each rep's calendar follows libs/sla's rule (own hours, else the team's; team plus own holidays), the same one
// their SLA clocks count in; out-of-office periods that have not ended yet are loaded so chooseOwner can skip a
// rep who is away at decision time.
async function loadReps(db: Queryable, now: Date): Promise<Rep[]> {
  const rows = await routingReps(db, now);
  return rows.map((r) => {
    const outOfOffice = r.out_of_office.map((o) => ({ from: new Date(o.from), to: new Date(o.to) }));
    const resolved = resolveRepCalendar({
      rep: { workingHours: r.working_hours, holidays: r.holidays, outOfOffice },
      team: r.team_calendar || r.team_holidays ? { calendar: r.team_calendar, holidays: r.team_holidays ?? [] } : null,
      fallback: null,
    });
    return {
      id: r.id,
      name: r.name,
      teamId: r.team_id,
      active: r.active,
      openTasks: Number(r.open_tasks),
      outOfOffice,
      ...(r.capacity === null ? {} : { capacity: r.capacity }),
      ...(resolved ? { calendar: resolved.calendar } : {}),
    };
  });
}

async function storedDecision(db: Queryable, { runId, command }: RouteOwnerInput): Promise<CommandResult | null> {
  const row = await findOwnerAssignment(db, { runId, nodeId: command.nodeId, visit: command.visit });
  if (!row) return null;
  if (!row.rep_id) return { kind: 'failed', reason: row.reason };
  return {
    kind: 'ownerAssigned',
    owner: { id: row.rep_id, name: row.name ?? row.rep_id, ...(row.email ? { address: row.email } : {}) },
  };
}

/** Decides (or finds the stored decision) inside the caller's transaction. */
async function routeInTransaction(db: Queryable, input: RouteOwnerInput): Promise<CommandResult> {
  // Serialises decisions so two runs never read the same round-robin position.
  await lockRoutingCursors(db);
  const stored = await storedDecision(db, input);
  if (stored) return stored;
  const cursors = await routingCursors(db);
  const teams = await teamNames(db);
  const { attributes } = input.lead;
  const decision = chooseOwner({
    rule: input.command.rule,
    lead: {
      city: typeof attributes.city === 'string' ? attributes.city : undefined,
      country: typeof attributes.country === 'string' ? attributes.country : undefined,
    },
    reps: await loadReps(db, new Date(input.now)),
    roundRobinCursor: cursors,
    now: new Date(input.now),
    teamNames: teams,
  });
  await insertOwnerAssignment(db, {
    runId: input.runId,
    nodeId: input.command.nodeId,
    visit: input.command.visit,
    leadId: input.command.leadId,
    repId: decision.ok ? decision.repId : null,
    teamId: decision.ok ? decision.teamId : null,
    reason: decision.reason,
  });
  if (decision.ok) {
    for (const [teamId, position] of Object.entries(decision.nextCursor)) {
      await setRoutingCursor(db, teamId, position);
    }
    await setOwner(db, input.command.leadId, decision.repId);
  }
  return (await storedDecision(db, input))!;
}

/**
 * Chooses the lead's owner with `@segflow/routing` and records the decision and its reason once per
 * (run, node, visit); the round-robin cursor is advanced in the same transaction.
 */
export function createPlaybookRouteActivities({ pool }: { pool: Pool }) {
  return {
    async routeOwner(input: RouteOwnerInput): Promise<CommandResult> {
      const client = await pool.connect();
      const db = rowsOf(client);
      try {
        return await withTransaction(db, () => routeInTransaction(db, input));
      } finally {
        client.release();
      }
    },
  };
}
