import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roll-ups behind the dashboard summary (issue 7: 1M touches in well under a second).
 *
 * - `dashboard_touch_days`: sent touches per UTC day × segment × playbook version × rep (sender owner) × channel.
 * - `dashboard_outcome_days`: replies / meetings / conversions per UTC day × the same keys, attributed as the
 *   summary always did: to the lead's latest non-holdout run when the event came at or after its start, rep = the
 *   lead's current owner, channel = the reply's channel.
 * - `dashboard_lead_attribution`: that latest run (and owner) per lead, so a new run, a run held out or a
 *   reassignment moves exactly that lead's events between keys.
 *
 * Triggers keep them in the same transaction as every write that changes them (the worker's touch inserts, run
 * updates, event ingest, owner changes from routing / inbox / SLA reassignment), whoever writes. Time-to-first-touch
 * percentiles are not summable, so they stay on `sla_clocks`, which already is the one-row-per-segment-entry fact
 * table. Hard deletes of runs or leads (no code path does them) are not tracked: `SELECT dashboard_rollups_rebuild()`
 * recomputes everything from the raw rows, as this migration's backfill does.
 */
export class AddDashboardRollups1764610000000 implements MigrationInterface {
  name = 'AddDashboardRollups1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_touch_days (
        day date NOT NULL, ${KEY_COLUMNS},
        touches int NOT NULL,
        UNIQUE NULLS NOT DISTINCT (day, ${KEY})
      )`);
    await q.query(`
      CREATE TABLE dashboard_outcome_days (
        day date NOT NULL, ${KEY_COLUMNS},
        replies int NOT NULL, meetings int NOT NULL, conversions int NOT NULL,
        UNIQUE NULLS NOT DISTINCT (day, ${KEY})
      )`);
    await q.query(`
      CREATE TABLE dashboard_lead_attribution (
        lead_id uuid PRIMARY KEY, started_at timestamptz NOT NULL, segment_id text, playbook_id uuid NOT NULL,
        playbook_version int NOT NULL, rep_id text
      )`);
    // The partial days at the edges of a range are read from the raw events through this (only outcome types).
    await q.query(
      `CREATE INDEX events_outcome_occurred_idx ON events (occurred_at) INCLUDE (lead_id, type) WHERE ${LITERAL_CLASSES.counted('type')}`,
    );
    // What the summary reads for the partial days at the edges of a range (and what the roll-ups sum).
    await q.query(`CREATE VIEW dashboard_touch_facts AS ${touchFacts('touches', 'runs')}`);
    await q.query(
      `CREATE VIEW dashboard_outcome_facts AS ${outcomeFacts('events', 'dashboard_lead_attribution', LITERAL_CLASSES)}`,
    );

    await q.query(refreshAttributionFunction(LITERAL_CLASSES));
    await q.query(`
      CREATE FUNCTION dashboard_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM dashboard_touch_days;
        DELETE FROM dashboard_outcome_days;
        DELETE FROM dashboard_lead_attribution;
        INSERT INTO dashboard_lead_attribution ${attributionOf(null)};
        ${bumpTouchDays('SELECT * FROM dashboard_touch_facts', 1)};
        ${bumpOutcomeDays('SELECT * FROM dashboard_outcome_facts', 1)};
      END $$`);

    // Statement-level with transition tables: one grouped upsert per INSERT, however many rows (bulk loads, flushes).
    await q.query(
      changeTriggerFunction('dashboard_touches_changed', (rows, sign) => bumpTouchDays(touchFacts(rows, 'runs'), sign)),
    );
    await q.query(eventsChangedFunction(LITERAL_CLASSES));
    await q.query(`
      CREATE FUNCTION dashboard_runs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM dashboard_refresh_attribution(ARRAY(SELECT DISTINCT lead_id FROM new_rows WHERE status <> 'heldOut'));
        RETURN NULL;
      END $$`);
    // Row-level with a WHEN clause: the worker updates runs at every step, and those updates must stay free.
    await q.query(`
      CREATE FUNCTION dashboard_run_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (OLD.segment_id, OLD.playbook_id, OLD.playbook_version) IS DISTINCT FROM (NEW.segment_id, NEW.playbook_id, NEW.playbook_version) THEN
          ${bumpTouchDays(touchFacts('touches', '(SELECT OLD.id, OLD.segment_id, OLD.playbook_id, OLD.playbook_version)'), -1)};
          ${bumpTouchDays(touchFacts('touches', '(SELECT NEW.id, NEW.segment_id, NEW.playbook_id, NEW.playbook_version)'), 1)};
        END IF;
        PERFORM dashboard_refresh_attribution(ARRAY[OLD.lead_id, NEW.lead_id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION dashboard_lead_owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM dashboard_refresh_attribution(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);

    for (const [table, fn] of [
      ['touches', 'dashboard_touches_changed'],
      ['events', 'dashboard_events_changed'],
    ]) {
      await q.query(
        `CREATE TRIGGER ${table}_dashboard_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_dashboard_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_dashboard_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }
    await q.query(
      `CREATE TRIGGER runs_dashboard_ins AFTER INSERT ON runs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_runs_inserted()`,
    );
    await q.query(`
      CREATE TRIGGER runs_dashboard_upd AFTER UPDATE ON runs FOR EACH ROW
      WHEN ((OLD.status = 'heldOut') IS DISTINCT FROM (NEW.status = 'heldOut')
         OR (OLD.lead_id, OLD.started_at, OLD.segment_id, OLD.playbook_id, OLD.playbook_version) IS DISTINCT FROM (NEW.lead_id, NEW.started_at, NEW.segment_id, NEW.playbook_id, NEW.playbook_version))
      EXECUTE FUNCTION dashboard_run_changed()`);
    await q.query(`
      CREATE TRIGGER leads_dashboard_owner AFTER UPDATE OF owner_id ON leads FOR EACH ROW
      WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id) EXECUTE FUNCTION dashboard_lead_owner_changed()`);
    await q.query(`SELECT dashboard_rollups_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of ['touches_dashboard_ins', 'touches_dashboard_upd', 'touches_dashboard_del'])
      await q.query(`DROP TRIGGER ${trigger} ON touches`);
    for (const trigger of ['events_dashboard_ins', 'events_dashboard_upd', 'events_dashboard_del'])
      await q.query(`DROP TRIGGER ${trigger} ON events`);
    for (const trigger of ['runs_dashboard_ins', 'runs_dashboard_upd'])
      await q.query(`DROP TRIGGER ${trigger} ON runs`);
    await q.query(`DROP TRIGGER leads_dashboard_owner ON leads`);
    for (const fn of [
      'dashboard_lead_owner_changed',
      'dashboard_run_changed',
      'dashboard_runs_inserted',
      'dashboard_events_changed',
      'dashboard_touches_changed',
      'dashboard_rollups_rebuild',
      'dashboard_refresh_attribution(uuid[])',
    ]) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
    await q.query(`DROP VIEW dashboard_outcome_facts, dashboard_touch_facts`);
    await q.query(`DROP INDEX events_outcome_occurred_idx`);
    await q.query(`DROP TABLE dashboard_lead_attribution, dashboard_outcome_days, dashboard_touch_days`);
  }
}

const KEY = 'segment_id, playbook_id, playbook_version, rep_id, channel';
const KEY_COLUMNS = 'segment_id text, playbook_id uuid, playbook_version int, rep_id text, channel text';

/**
 * How the roll-up SQL classes an event type (given as an SQL expression): whether it is a reply, a meeting, a
 * conversion or any of the three, and a reply's channel. This migration names the types; later ones call functions.
 */
export interface OutcomeClassesSql {
  reply(type: string): string;
  meeting(type: string): string;
  conversion(type: string): string;
  counted(type: string): string;
  channel(type: string): string;
}

export const LITERAL_CLASSES: OutcomeClassesSql = {
  reply: (type) => `${type} LIKE '%\\_reply'`,
  meeting: (type) => `${type} = 'demo_booked'`,
  conversion: (type) => `${type} = 'purchase'`,
  counted: (type) => `(${type} LIKE '%\\_reply' OR ${type} IN ('demo_booked', 'purchase'))`,
  channel: (type) => `split_part(${type}, '_', 1)`,
};

/** One row per sent touch with its summary keys (`r` only needs id, segment_id, playbook_id, playbook_version). */
function touchFacts(touches: string, runs: string): string {
  return `SELECT t.created_at AS at, r.segment_id, r.playbook_id, r.playbook_version, t.sender->>'ownerId' AS rep_id, t.channel, 1 AS touches
    FROM ${touches} t JOIN ${runs} r ON r.id = t.run_id WHERE t.status = 'sent'`;
}

/** One row per outcome event that counts, under its lead's attribution. */
export function outcomeFacts(events: string, attribution: string, classes: OutcomeClassesSql): string {
  return `SELECT e.occurred_at AS at, a.segment_id, a.playbook_id, a.playbook_version, a.rep_id,
           CASE WHEN ${classes.reply('e.type')} THEN ${classes.channel('e.type')} END AS channel,
           (${classes.reply('e.type')})::int AS replies, (${classes.meeting('e.type')})::int AS meetings, (${classes.conversion('e.type')})::int AS conversions
      FROM ${events} e JOIN ${attribution} a ON a.lead_id = e.lead_id AND a.started_at <= e.occurred_at
     WHERE ${classes.counted('e.type')}`;
}

/**
 * Moves the leads in `ids` to their latest run's attribution, taking their outcome events along. With `lockLeads`
 * it first locks the leads' rows, so two transactions starting runs of one lead take turns (see 1764950000000).
 */
export function refreshAttributionFunction(classes: OutcomeClassesSql, { lockLeads = false } = {}): string {
  const facts = outcomeFacts(
    `(SELECT * FROM events WHERE lead_id IN (SELECT unnest(ids)))`,
    `(SELECT * FROM dashboard_lead_attribution WHERE lead_id IN (SELECT unnest(ids)))`,
    classes,
  );
  const lock = lockLeads ? `PERFORM 1 FROM leads WHERE id IN (SELECT unnest(ids)) ORDER BY id FOR NO KEY UPDATE;` : '';
  return `
      CREATE OR REPLACE FUNCTION dashboard_refresh_attribution(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${lock}
        ${bumpOutcomeDays(facts, -1)};
        DELETE FROM dashboard_lead_attribution WHERE lead_id IN (SELECT unnest(ids));
        INSERT INTO dashboard_lead_attribution ${attributionOf('ids')};
        ${bumpOutcomeDays(facts, 1)};
      END $$`;
}

/** The statement trigger function that keeps the outcome roll-up in step with writes to `events`. */
export function eventsChangedFunction(classes: OutcomeClassesSql): string {
  return changeTriggerFunction('dashboard_events_changed', (rows, sign) =>
    bumpOutcomeDays(outcomeFacts(rows, 'dashboard_lead_attribution', classes), sign),
  );
}

/** The latest non-holdout run (and current owner) of each lead in the uuid[] `ids`, or of every lead when null. */
function attributionOf(ids: string | null): string {
  return `SELECT DISTINCT ON (r.lead_id) r.lead_id, r.started_at, r.segment_id, r.playbook_id, r.playbook_version, l.owner_id
      FROM runs r JOIN leads l ON l.id = r.lead_id
     WHERE r.status <> 'heldOut'${ids ? ` AND r.lead_id IN (SELECT unnest(${ids}))` : ''}
     ORDER BY r.lead_id, r.started_at DESC`;
}

/**
 * Adds `sign` × the facts' measures to a per-day roll-up, one grouped upsert. In key order, so concurrent writers
 * (ingest flushes, touch deliveries) lock the shared roll-up rows in the same order and cannot deadlock each other.
 */
function bumpDays(table: string, measures: string[], facts: string, sign: 1 | -1): string {
  return `INSERT INTO ${table} AS d (day, ${KEY}, ${measures.join(', ')})
    SELECT (f.at AT TIME ZONE 'UTC')::date, ${KEY}, ${measures.map((m) => `${sign} * sum(f.${m})`).join(', ')}
      FROM (${facts}) f GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, ${KEY}) DO UPDATE SET ${measures.map((m) => `${m} = d.${m} + EXCLUDED.${m}`).join(', ')}`;
}

/** A statement-trigger function that takes a table's old rows off a roll-up and adds its new rows. */
function changeTriggerFunction(name: string, bump: (rows: string, sign: 1 | -1) => string): string {
  return `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN ${bump('old_rows', -1)}; END IF;
      IF TG_OP <> 'DELETE' THEN ${bump('new_rows', 1)}; END IF;
      RETURN NULL;
    END $$`;
}

const bumpTouchDays = (facts: string, sign: 1 | -1) => bumpDays('dashboard_touch_days', ['touches'], facts, sign);
const bumpOutcomeDays = (facts: string, sign: 1 | -1) =>
  bumpDays('dashboard_outcome_days', ['replies', 'meetings', 'conversions'], facts, sign);
