import type { Queryable } from './queryable';

/**
 * W3C `traceparent` of the span (a request) that wrote the row, when the API traces: the row's delivery continues
 * that trace, so the workflow it starts joins the request's. Carried in the payload (jsonb), absent when tracing is off.
 */
type Traced = { traceparent?: string };

/**
 * The outbox is the seam between what the API commits and what Temporal must learn: rows are written in the
 * same transaction as the change they describe and delivered afterwards by the dispatcher, so a crash between
 * commit and delivery only delays delivery (the next dispatcher pass picks the row up).
 */
export type OutboxMessage =
  | {
      kind: 'segment_entered';
      payload: Traced & {
        leadId: string;
        segmentId: string;
        membershipId: string;
        enteredAt: string;
        triggerEventId: string | null;
      };
    }
  | {
      kind: 'segment_left';
      payload: { leadId: string; segmentId: string; membershipId: string; leftAt: string; reason: string };
    }
  | {
      /** A run whose row a request wrote (manual or segment-member enrolment): its workflow is started. */
      kind: 'run_start';
      payload: Traced & { leadId: string; runId: string };
    }
  | {
      /** A new lead: its intake workflow is started. */
      kind: 'lead_intake';
      payload: Traced & { leadId: string };
    }
  | {
      kind: 'lead_event';
      payload: {
        leadId: string;
        eventId: string;
        type: string;
        occurredAt: string;
        channel: string | null;
        replyTo: { touchId?: string; providerMessageId?: string } | null;
        properties: Record<string, unknown>;
      };
    };

export type OutboxKind = OutboxMessage['kind'];

/** An outbox row as the dispatcher delivers it. */
export type OutboxRow = { id: string } & OutboxMessage;

/** A segment change's outbox message (written by {@link enqueueSegmentChanges}). */
export type SegmentChangeMessage = Extract<OutboxMessage, { kind: 'segment_entered' | 'segment_left' }>;

/** A workflow start a request makes itself, backed by an outbox row in case it cannot. */
export type WorkflowStartMessage = Extract<OutboxMessage, { kind: 'run_start' | 'lead_intake' }>;

/**
 * The PostgreSQL channel a commit of outbox rows notifies (trigger `outbox_notify`, migration 1764650000000) and the
 * dispatcher listens on.
 */
export const OUTBOX_CHANNEL = 'segflow_outbox';

/**
 * How long the dispatcher leaves a workflow start to the request that wrote it: the request starts the workflow at
 * once after its commit and marks the row delivered, so the dispatcher only acts when that failed (Temporal down, or
 * the API died between the commit and the start). Also how long the lead's later outbox rows may wait behind it then.
 */
export const DIRECT_START_GRACE_SECONDS = 10;

/**
 * An INSERT of outbox rows given as a JSON array of {@link OutboxMessage} in the parameter `param` (e.g. `$3`), for a
 * store that writes its own rows and their outbox rows in one statement (one round trip, e.g. `WITH updated AS (…)`).
 * Everyone else calls {@link enqueueOutboxRows}.
 */
export const outboxInsertSql = (param: string): string =>
  `INSERT INTO outbox (kind, payload) SELECT x.kind, x.payload FROM jsonb_to_recordset(${param}::jsonb) AS x(kind text, payload jsonb)`;

/**
 * Like {@link outboxInsertSql} for {@link SegmentChangeMessage}s, keeping only those a dispatcher would act on:
 * entries into a segment with a bound playbook (a run may start) and exits from one (its run may be about to start
 * from a still-undelivered entry), plus exits of leads with an active run. The rest would be read, looked up and
 * marked delivered for nothing: most segments of a model have no playbook, and a model activation moves thousands of
 * leads. A binding made later catches the segment's next entrants; its current members are enrolled explicitly
 * (PlaybookLifecycleService.enrolSegmentMembers). `segment_bindings.segment_id` and `runs (lead_id, …)` are indexed,
 * so the filter is two index probes per change.
 */
export const segmentChangesInsertSql = (param: string): string => `${outboxInsertSql(param)}
  WHERE EXISTS (SELECT 1 FROM segment_bindings b WHERE b.segment_id = x.payload->>'segmentId')
     OR (x.kind = 'segment_left' AND EXISTS (SELECT 1 FROM runs r WHERE r.lead_id = (x.payload->>'leadId')::uuid AND r.status = 'active'))`;

/**
 * Writes outbox rows, in the caller's transaction, in the order given. Writes nothing for no messages: the table's
 * statement trigger would wake the dispatchers for nothing.
 *
 * @example
 * await dataSource.transaction((m) => enqueueOutboxRows(m, [leadEventMessage(leadId, event)]));
 */
export async function enqueueOutboxRows(q: Queryable, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await q.query(outboxInsertSql('$1'), [JSON.stringify(messages)]);
}

/**
 * Writes the segment changes' outbox rows a dispatcher would act on ({@link segmentChangesInsertSql}), in the
 * caller's transaction; exits first when a lead both leaves and enters, so its old run ends before its new one starts.
 *
 * @example
 * await enqueueSegmentChanges(manager, [{ kind: 'segment_left', payload: { leadId, segmentId, membershipId, leftAt, reason: 'event' } }]);
 */
export async function enqueueSegmentChanges(q: Queryable, messages: readonly SegmentChangeMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await q.query(segmentChangesInsertSql('$1'), [JSON.stringify(messages)]);
}

/**
 * Writes one outbox row per workflow start, in the caller's transaction (the rows that call for them are written
 * there too), due after {@link DIRECT_START_GRACE_SECONDS}. Returns their ids, in order.
 *
 * @example
 * const [outboxId] = await enqueueWorkflowStarts(manager, [{ kind: 'run_start', payload: { leadId, runId } }]);
 */
export async function enqueueWorkflowStarts(
  q: Queryable,
  messages: readonly WorkflowStartMessage[],
): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows: Array<{ id: string }> = await q.query(
    `INSERT INTO outbox (kind, payload, next_attempt_at)
     SELECT x.kind, x.payload, now() + $2 * interval '1 second'
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (kind text, payload jsonb)) WITH ORDINALITY AS x(kind, payload, n)
     ORDER BY x.n RETURNING id`,
    [JSON.stringify(messages), DIRECT_START_GRACE_SECONDS],
  );
  return rows.map((row) => row.id);
}

/**
 * Marks the rows of workflows the request itself started as delivered (a dispatcher that took one meanwhile only
 * repeats the start).
 *
 * @example
 * await markWorkflowsStarted(dataSource.manager, [outboxId]);
 */
export async function markWorkflowsStarted(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, claimed_until = NULL
     WHERE id = ANY($1::bigint[]) AND dispatched_at IS NULL`,
    [ids],
  );
}

/**
 * Deletes up to `limit` rows delivered before `before`, oldest first along the primary key, skipping rows another
 * statement has locked; returns how many. Undelivered rows are never deleted.
 *
 * @example
 * while ((await deleteDeliveredOutboxRows(dataSource, cutoff, 10_000)) === 10_000);
 */
export async function deleteDeliveredOutboxRows(q: Queryable, before: Date, limit: number): Promise<number> {
  // A CTE, so that the count comes back as a row from a TypeORM manager and a pg client alike.
  const [{ deleted }]: [{ deleted: number }] = await q.query(
    `WITH deleted AS (
       DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE dispatched_at < $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING 1)
     SELECT count(*)::int AS deleted FROM deleted`,
    [before, limit],
  );
  return deleted;
}

/**
 * Deletes the lead's outbox rows, delivered or not (lead events carry its event properties; its workflows are being
 * deleted, so nothing is owed to them any more).
 * @example await deleteOutboxRowsOfLead(manager, leadId);
 */
export async function deleteOutboxRowsOfLead(db: Queryable, leadId: string): Promise<void> {
  await db.query(`DELETE FROM outbox WHERE payload ->> 'leadId' = $1`, [leadId]);
}
