import type { Playbook } from '@segflow/playbook';
import type { PlaybookStatus } from './playbooks.store';
import type { Queryable } from './queryable';

/** What a launch pins: a playbook with its latest published version (null when it has none), read in one round trip. */
export interface PinnedPlaybook {
  id: string;
  name: string;
  status: PlaybookStatus;
  version: { id: string; version: number; graph: Playbook } | null;
  /** The run the launch's membership already has of this playbook (a re-delivery), if any. */
  membershipRunId: string | null;
  /** The segment binding's holdout, when read through the binding. */
  holdoutPercent: number | null;
}

/** A pinned playbook `p`: its latest published version, and the run the membership $2 already has of it. */
const PINNED_COLUMNS = `p.id, p.name, p.status, v.id AS version_id, v.version, v.graph,
  (SELECT id FROM runs WHERE membership_id = $2 AND playbook_id = p.id) AS membership_run_id`;
const LATEST_VERSION_JOIN = `LEFT JOIN LATERAL (SELECT id, version, graph FROM playbook_versions WHERE playbook_id = p.id ORDER BY version DESC LIMIT 1) v ON true`;

type PinnedRow = {
  id: string;
  name: string;
  status: PlaybookStatus;
  version_id: string | null;
  version: number;
  graph: Playbook;
  membership_run_id: string | null;
  holdout_percent: number | null;
};

/**
 * The playbook `playbookId`, pinned, with the run `membershipId` already has of it; null when there is no such playbook.
 *
 * @example
 * const pinned = await pinPlaybook(manager, playbookId, null);
 */
export async function pinPlaybook(
  q: Queryable,
  playbookId: string,
  membershipId: string | null,
): Promise<PinnedPlaybook | null> {
  return pinnedOf(
    await q.query(
      `SELECT ${PINNED_COLUMNS}, NULL::int AS holdout_percent FROM playbooks p ${LATEST_VERSION_JOIN} WHERE p.id = $1`,
      [playbookId, membershipId],
    ),
  );
}

/** The playbook bound to the segment, pinned, with the binding's holdout; null when none is bound. */
export async function pinSegmentPlaybook(
  q: Queryable,
  segmentId: string,
  membershipId: string | null,
): Promise<PinnedPlaybook | null> {
  return pinnedOf(
    await q.query(
      `SELECT ${PINNED_COLUMNS}, b.holdout_percent
       FROM segment_bindings b JOIN playbooks p ON p.id = b.playbook_id ${LATEST_VERSION_JOIN} WHERE b.segment_id = $1`,
      [segmentId, membershipId],
    ),
  );
}

function pinnedOf([row]: PinnedRow[]): PinnedPlaybook | null {
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    membershipRunId: row.membership_run_id,
    holdoutPercent: row.holdout_percent,
    version: row.version_id ? { id: row.version_id, version: row.version, graph: row.graph } : null,
  };
}
