import type { ActionOption, NextBestAction } from '@segflow/scoring';

/** A measured option of a segment: playbook, channel, basis (lift or reply rate), estimate, 95 % interval, size. */
export type NextBestActionOption = ActionOption;

/**
 * `GET /api/segments/:id/next-best-action` (and one per live segment from `GET /api/segments/next-best-actions`): the
 * playbook and channel the segment should run by libs/scoring `recommendNextBestAction` (README, "Next best action"),
 * measured on the runs and touches of the window `[from, to)`, or `not_enough_data` with what is missing.
 *
 * @example
 * if (action.status === 'recommend') await applyNextBestAction(action.segmentId, { playbookId: action.playbookId });
 */
export type SegmentNextBestAction = NextBestAction & {
  segmentId: string;
  segmentName: string;
  /** The playbook bound to the segment now, if any. */
  boundPlaybookId: string | null;
  /** The runs started and touches created in `[from, to)` are measured (ISO instants). */
  from: string;
  to: string;
};

/**
 * Body of `POST /api/segments/:id/next-best-action/apply`: the playbook the caller saw recommended (a recommendation
 * that changed since is refused with 409) and the holdout to bind it with (default 10 %, so its lift stays measured).
 */
export interface ApplyNextBestActionRequest {
  playbookId: string;
  holdoutPercent?: number;
}
