import type { SegmentNextBestAction } from '@segflow/api-contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applyNextBestAction } from '../api/segments';
import { queryKeys } from '../query/keys';
import { formatActionEstimate } from './next-best-action-text';

/**
 * A segment's next best action (README, "Next best action"): the playbook and channel with its measured estimate and
 * an Apply button that binds it, or "Not enough data" with what is missing.
 */
export function NextBestActionView({ action, canApply }: { action?: SegmentNextBestAction; canApply: boolean }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!action) return null;
  if (action.status === 'not_enough_data')
    return (
      <div data-testid="next-best-action">
        <p>
          Next best action: <span className="muted">Not enough data</span>
        </p>
        <details>
          <summary>Why</summary>
          <ul>
            {action.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      </div>
    );
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      await applyNextBestAction(action.segmentId, { playbookId: action.playbookId });
      // The binding shows on the segment, its playbook and the recommendation itself.
      [queryKeys.segments.all, queryKeys.playbooks.all].forEach(
        (queryKey) => void queryClient.invalidateQueries({ queryKey }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="next-best-action">
      <p>
        Next best action: <strong>{action.playbookName}</strong>
        {action.channel && <> on {action.channel}</>}
      </p>
      <p className="muted" title={action.reason}>
        {formatActionEstimate(action)}
      </p>
      {action.status === 'already_applied' ? (
        <p role="status">Applied: bound to this segment</p>
      ) : (
        canApply && (
          <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
            {busy ? 'Applying…' : 'Apply'}
          </button>
        )
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
