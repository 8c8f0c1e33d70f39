import type { PlaybookDetail, Segment } from '@segflow/api-contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { bindPlaybook, setPlaybookPaused } from '../api/playbooks';
import { listSegments } from '../api/segments';
import { queryKeys } from '../query/keys';

/** Binds the published playbook to a segment (one playbook per segment) with a holdout, and pauses/resumes it. */
export function BindingPanel({ playbook, onChanged }: { playbook: PlaybookDetail; onChanged: () => void }) {
  const segmentsQuery = useQuery({ queryKey: queryKeys.segments.list, queryFn: listSegments });
  const segments = segmentsQuery.data ?? [];
  const queryClient = useQueryClient();
  // A binding or a pause shows in the playbooks list and on the segments (their bound playbook).
  const changed = () => {
    [queryKeys.playbooks.list, queryKeys.segments.all].forEach(
      (queryKey) => void queryClient.invalidateQueries({ queryKey }),
    );
    onChanged();
  };
  const [segmentId, setSegmentId] = useState(playbook.segmentId ?? '');
  const [holdout, setHoldout] = useState(playbook.holdoutPercent);
  const [notice, setMessage] = useState<string | null>(null);
  const message = notice ?? segmentsQuery.error?.message;

  const save = async () => {
    try {
      await bindPlaybook(playbook.id, segmentId || null, holdout);
      setMessage(segmentId ? 'Bound. Leads entering the segment now start this playbook.' : 'Unbound.');
      changed();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const taken = (segment: Segment) => segment.boundPlaybookId && segment.boundPlaybookId !== playbook.id;
  return (
    <section aria-label="Binding">
      <h3>Segment binding</h3>
      {playbook.publishedVersion === null && <p className="muted">Publish a version before binding.</p>}
      <label className="field">
        Segment
        <select aria-label="Segment" value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
          <option value="">not bound</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.size} leads){taken(s) ? ' — bound to another playbook' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Holdout: {holdout}% of entering leads get no playbook (for measuring lift)
        <input
          aria-label="Holdout percent"
          type="range"
          min={0}
          max={50}
          value={holdout}
          onChange={(e) => setHoldout(Number(e.target.value))}
        />
      </label>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={playbook.publishedVersion === null}
          onClick={() => void save()}
        >
          Save binding
        </button>
        {playbook.status !== 'draft' && (
          <button
            type="button"
            onClick={() =>
              void setPlaybookPaused(playbook.id, playbook.status === 'active').then(changed, (e: Error) =>
                setMessage(e.message),
              )
            }
          >
            {playbook.status === 'active' ? 'Pause' : 'Resume'}
          </button>
        )}
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
