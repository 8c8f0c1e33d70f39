import { EVENT_VOCABULARY, type EventTypeDefinition } from '@segflow/events';
import type { Queryable } from './queryable';

/** What the SQL functions need of a vocabulary: each type's outcome class and channel. */
export type SqlVocabulary = Readonly<Record<string, Pick<EventTypeDefinition, 'outcome' | 'channel'>>>;

/** One generated SQL function: its signature (a regprocedure), its declaration and its body (`pg_proc.prosrc`). */
export interface VocabularyFunction {
  signature: string;
  declaration: string;
  body: string;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** `SELECT CASE param WHEN 'type' THEN 'value' … END` over the types that have a value (others give NULL). */
function caseBody(param: string, pairs: ReadonlyArray<readonly [string, string | null]>): string {
  const arms = pairs
    .filter(([, value]) => value !== null)
    .map(([type, value]) => `WHEN ${literal(type)} THEN ${literal(value!)}`);
  // CASE needs at least one WHEN.
  if (!arms.length) return `\n  SELECT NULL::text\n`;
  return `\n  SELECT CASE ${param}\n    ${arms.join('\n    ')}\n  END\n`;
}

/**
 * The SQL functions through which roll-up triggers, views, indexes and store queries read the event vocabulary:
 * `segflow_event_outcome(type)` (its outcome class or NULL), `segflow_event_channel(type)` (its contact channel or
 * NULL) and `segflow_event_types()` (every type, the default of `playbook_versions.heard_event_types`). IMMUTABLE
 * so an index predicate may call them and the planner inlines them; {@link refreshEventVocabulary} reindexes and
 * rebuilds what depends on them whenever their bodies change.
 *
 * @example
 * eventVocabularyFunctions({ call_answered: { outcome: 'reply', channel: null } })[0].body; // "…WHEN 'call_answered' THEN 'reply'…"
 */
export function eventVocabularyFunctions(vocabulary: SqlVocabulary = EVENT_VOCABULARY): VocabularyFunction[] {
  const entries = Object.entries(vocabulary);
  const fn = (name: string, params: string, returns: string, body: string): VocabularyFunction => ({
    signature: `${name}(${params.replace(/\w+ /g, '')})`,
    declaration: `CREATE OR REPLACE FUNCTION ${name}(${params}) RETURNS ${returns} LANGUAGE sql IMMUTABLE PARALLEL SAFE`,
    body,
  });
  return [
    fn(
      'segflow_event_outcome',
      'event_type text',
      'text',
      caseBody(
        'event_type',
        entries.map(([t, d]) => [t, d.outcome]),
      ),
    ),
    fn(
      'segflow_event_channel',
      'event_type text',
      'text',
      caseBody(
        'event_type',
        entries.map(([t, d]) => [t, d.channel]),
      ),
    ),
    fn(
      'segflow_event_types',
      '',
      'text[]',
      `\n  SELECT ARRAY[${entries.map(([t]) => literal(t)).join(', ')}]::text[]\n`,
    ),
  ];
}

/** The statement that creates (or replaces) one generated function. */
export function createFunctionSql(fn: VocabularyFunction): string {
  return `${fn.declaration} AS $vocabulary$${fn.body}$vocabulary$`;
}

/**
 * Brings the database's vocabulary functions in line with `vocabulary`, like a repeatable migration: run by
 * runMigrations after the versioned ones, inside their advisory lock, on every migration run. When every body
 * already matches it changes nothing; otherwise, in one transaction that holds off writers of the tables the
 * roll-ups read, it replaces the functions, rebuilds the partial index that calls one, and recomputes the dashboard
 * roll-ups (a type may have changed class). Returns whether it changed anything.
 */
export async function refreshEventVocabulary(
  db: Queryable & { transaction<T>(work: (q: Queryable) => Promise<T>): Promise<T> },
  vocabulary: SqlVocabulary = EVENT_VOCABULARY,
): Promise<boolean> {
  const functions = eventVocabularyFunctions(vocabulary);
  const installed: { signature: string; body: string | null }[] = await db.query(
    `SELECT s AS signature, (SELECT prosrc FROM pg_proc WHERE oid = to_regprocedure(s)) AS body FROM unnest($1::text[]) s`,
    [functions.map((f) => f.signature)],
  );
  const current = new Map(installed.map((row) => [row.signature, row.body]));
  if (functions.every((f) => current.get(f.signature) === f.body)) return false;
  await db.transaction(async (q) => {
    // Writers wait rather than bump roll-ups half-way through their recomputation.
    await q.query('LOCK TABLE events, touches, runs, leads IN SHARE MODE');
    for (const fn of functions) await q.query(createFunctionSql(fn));
    await q.query('REINDEX INDEX events_outcome_occurred_idx');
    await q.query('SELECT dashboard_rollups_rebuild()');
  });
  return true;
}
