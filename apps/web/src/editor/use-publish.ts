import type { PlaybookIssue } from '@segflow/playbook';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/http';
import { publishPlaybook } from '../api/playbooks';
import { queryKeys } from '../query/keys';

/**
 * The publish dialog: open or not, and the issues the API refused a publish for (422). Publishing first saves what
 * is unsaved (`flush`), then refreshes the playbook's versions and lists, and calls `onPublished` with the version.
 */
export function usePublish(playbookId: string, flush: () => Promise<void>, onPublished: (version: number) => void) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (note: string) => {
      await flush();
      return publishPlaybook(playbookId, note);
    },
    onSuccess: async (result) => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.playbooks.all });
      onPublished(result.version);
    },
  });
  const error = mutation.error;
  const serverIssues: PlaybookIssue[] | null = !error
    ? null
    : ((error instanceof ApiError ? (error.body as { issues?: PlaybookIssue[] } | undefined)?.issues : undefined) ?? [
        { code: 'schema', message: error.message },
      ]);
  return {
    open,
    serverIssues,
    show: () => setOpen(true),
    close: () => {
      setOpen(false);
      mutation.reset();
    },
    publish: (note: string) =>
      mutation.mutateAsync(note).then(
        () => undefined,
        () => undefined,
      ),
  };
}
