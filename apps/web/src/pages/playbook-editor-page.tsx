import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState } from 'react';
import { getPlaybook } from '../api/playbooks';
import { PlaybookEditor } from '../editor/playbook-editor';
import { Link } from 'react-router-dom';
import { queryKeys } from '../query/keys';

/** Loads a playbook and opens the editor; a reset remounts the editor on the server's draft. */
export function PlaybookEditorPage({ playbookId }: { playbookId: string }) {
  // The editor owns the draft once open: no refetch behind its back (focus, staleness), only refresh and reset; and
  // nothing cached once it closes, so reopening never starts the editor on an old draft.
  const { data: detail, error } = useQuery({
    queryKey: queryKeys.playbooks.detail(playbookId),
    queryFn: () => getPlaybook(playbookId),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const [generation, setGeneration] = useState(0);
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKeys.playbooks.detail(playbookId) }),
    [queryClient, playbookId],
  );
  const reset = useCallback(() => void refresh().then(() => setGeneration((g) => g + 1)), [refresh]);

  if (error)
    return (
      <section>
        <p role="alert" className="error">
          {error.message}
        </p>
        <Link to="/playbooks">Back to playbooks</Link>
      </section>
    );
  if (!detail)
    return (
      <section>
        <p className="muted">Loading…</p>
      </section>
    );
  return (
    <section className="full">
      <ReactFlowProvider key={generation}>
        <PlaybookEditor detail={detail} onRefresh={() => void refresh()} onReset={reset} />
      </ReactFlowProvider>
    </section>
  );
}
