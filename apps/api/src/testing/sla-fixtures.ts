import { emptyFeatureState } from '@segflow/scoring';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Direct SQL fixtures for the inbox, SLA and dashboard tests: segments, entries, runs, tasks, touches and events
 * at chosen instants, so metric queries can be checked against numbers computed by hand.
 */
export class SlaFixtures {
  private modelId?: string;
  private leadCount = 0;

  private constructor(readonly db: Client) {}

  static async connect(databaseUrl: string): Promise<SlaFixtures> {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    return new SlaFixtures(db);
  }

  close(): Promise<void> {
    return this.db.end();
  }

  async lead(fields: { name?: string; ownerId?: string } = {}): Promise<string> {
    this.leadCount += 1;
    const { rows } = await this.db.query(
      `INSERT INTO leads (external_id, name, company, owner_id) VALUES ($1, $2, 'Fixture Co', $3) RETURNING id`,
      [`fx-${randomUUID()}`, fields.name ?? `Lead ${this.leadCount}`, fields.ownerId ?? null],
    );
    return rows[0].id;
  }

  async segment(name: string): Promise<string> {
    if (!this.modelId) {
      this.modelId = randomUUID();
      await this.db.query(`INSERT INTO segment_models (id, status, params) VALUES ($1, 'active', '{}')`, [
        this.modelId,
      ]);
    }
    const id = randomUUID();
    await this.db.query(`INSERT INTO segments (id, name, description, colour) VALUES ($1, $2, $2, '#3d5afe')`, [
      id,
      name,
    ]);
    return id;
  }

  async enter(
    leadId: string,
    segmentId: string,
    enteredAt: Date,
    reason = 'intent rose: pricing page visits',
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(`UPDATE segment_memberships SET left_at = $2 WHERE lead_id = $1 AND left_at IS NULL`, [
      leadId,
      enteredAt,
    ]);
    await this.db.query(
      `INSERT INTO segment_memberships (id, lead_id, segment_id, model_id, entered_at, enter_reason) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, leadId, segmentId, this.modelId, enteredAt, reason],
    );
    return id;
  }

  /** A playbook with one published version of `graph` (an empty object unless a test reads its settings or nodes). */
  async playbook(name: string, graph: object = {}): Promise<{ playbookId: string; versionId: string }> {
    const { rows } = await this.db.query(
      `INSERT INTO playbooks (name, draft, status) VALUES ($1, '{}', 'active') RETURNING id`,
      [name],
    );
    const version = await this.db.query(
      `INSERT INTO playbook_versions (playbook_id, version, graph) VALUES ($1, 1, $2) RETURNING id`,
      [rows[0].id, graph],
    );
    return { playbookId: rows[0].id, versionId: version.rows[0].id };
  }

  async run(r: {
    leadId: string;
    membershipId: string;
    segmentId: string;
    playbook: { playbookId: string; versionId: string };
    startedAt: Date;
    status?: string;
  }): Promise<string> {
    const { rows } = await this.db.query(
      `INSERT INTO runs (lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, membership_id, status, started_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7) RETURNING id`,
      [
        r.leadId,
        r.playbook.playbookId,
        r.playbook.versionId,
        r.segmentId,
        r.membershipId,
        r.status ?? 'active',
        r.startedAt,
      ],
    );
    return rows[0].id;
  }

  async task(t: {
    leadId: string;
    runId?: string;
    assigneeId: string | null;
    createdAt: Date;
    dueAt?: Date;
    title?: string;
    closedAt?: Date;
    priority?: 'low' | 'normal' | 'high' | 'urgent';
  }): Promise<string> {
    const { rows } = await this.db.query(
      `INSERT INTO tasks (run_id, lead_id, node_id, visit, task_type, title, priority, due_at, assignee_id, created_at, status, closed_at, outcome)
       VALUES ($1, $2, $3, 1, 'call', $4, $11, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        t.runId ?? null,
        t.leadId,
        t.runId ? `call-${randomUUID().slice(0, 8)}` : null,
        t.title ?? 'Call the lead',
        t.dueAt ?? t.createdAt,
        t.assigneeId,
        t.createdAt,
        t.closedAt ? 'done' : 'open',
        t.closedAt ?? null,
        t.closedAt ? 'connected' : null,
        t.priority ?? 'high',
      ],
    );
    return rows[0].id;
  }

  /** Gives the lead a feature row with this score (0–100) and no activity. */
  async score(leadId: string, score: number): Promise<void> {
    await this.db.query(`INSERT INTO lead_features (lead_id, state, score) VALUES ($1, $2, $3)`, [
      leadId,
      JSON.stringify(emptyFeatureState()),
      score,
    ]);
  }

  /** Records that the run passed `nodeId` (first visit) and left it by `outcome` at `at`, as its path mirror does. */
  async step(runId: string, nodeId: string, outcome: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO run_steps (run_id, node_id, visit, entered_at, outcome, left_at) VALUES ($1, $2, 1, $3, $4, $3)`,
      [runId, nodeId, at, outcome],
    );
  }

  async touch(t: { leadId: string; runId: string; channel: string; createdAt: Date; ownerId?: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, body, sender, status, created_at) VALUES ($1, $2, $3, 1, $4, 'hi', $5, 'sent', $6)`,
      [
        t.runId,
        t.leadId,
        `send-${randomUUID().slice(0, 8)}`,
        t.channel,
        { kind: 'owner', ownerId: t.ownerId ?? null, name: 'x', address: null },
        t.createdAt,
      ],
    );
  }

  async event(leadId: string, type: string, occurredAt: Date, data: Record<string, unknown> = {}): Promise<void> {
    await this.db.query(`INSERT INTO events (event_id, lead_id, type, occurred_at, data) VALUES ($1, $2, $3, $4, $5)`, [
      randomUUID(),
      leadId,
      type,
      occurredAt,
      data,
    ]);
  }
}
