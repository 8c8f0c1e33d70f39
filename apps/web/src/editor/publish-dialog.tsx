import type { PlaybookIssue } from '@segflow/playbook';
import { useState } from 'react';

/** Asks for a publish note; shows the server's issues when it refuses (422). */
export function PublishDialog({
  issueCount,
  serverIssues,
  onPublish,
  onClose,
}: {
  issueCount: number;
  serverIssues: PlaybookIssue[] | null;
  onPublish: (note: string) => Promise<void>;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div className="dialog-backdrop" role="dialog" aria-label="Publish">
      <form
        className="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void onPublish(note).finally(() => setBusy(false));
        }}
      >
        <h3>Publish a new version</h3>
        <p className="muted">Published versions never change; runs keep the version they started with.</p>
        {issueCount > 0 && (
          <p className="error">The draft has {issueCount} issues; publishing will be refused until they are fixed.</p>
        )}
        <label className="field">
          What changed?
          <textarea aria-label="Publish note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {serverIssues && serverIssues.length > 0 && (
          <ul className="issue-list">
            {serverIssues.map((i, k) => (
              <li key={k} className="error">
                {i.nodeId ?? 'settings'}: {i.message}
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            Publish
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
