import type { PlaybookDetail } from '@segflow/api-contracts';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useState } from 'react';
import { getPlaybook } from '../api/playbooks';
import { PlaybookEditor } from '../editor/playbook-editor';
import { Link } from '../router';

/** Loads a playbook and opens the editor; a reset remounts the editor on the server's draft. */
export function PlaybookEditorPage({ playbookId }: { playbookId: string }) {
  const [detail, setDetail] = useState<PlaybookDetail | null>(null);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => getPlaybook(playbookId).then(setDetail, (e: Error) => setError(e.message)), [playbookId]);
  const reset = useCallback(() => void refresh().then(() => setGeneration((g) => g + 1)), [refresh]);
  useEffect(() => void refresh(), [refresh]);

  if (error) return <section><p role="alert" className="error">{error}</p><Link to="/playbooks">Back to playbooks</Link></section>;
  if (!detail) return <section><p className="muted">Loading…</p></section>;
  return (
    <section className="full">
      <ReactFlowProvider key={generation}>
        <PlaybookEditor detail={detail} onRefresh={() => void refresh()} onReset={reset} />
      </ReactFlowProvider>
    </section>
  );
}
