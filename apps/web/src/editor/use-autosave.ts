import type { Playbook, PlaybookIssue } from '@segflow/playbook';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http';
import { saveDraft } from '../api/playbooks';

/** Where the draft stands against the server. */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the draft a moment after each change, with the revision it was loaded at (optimistic
 * concurrency). A 409 stops autosaving and reports `conflict` with the server's revision; the user then
 * reloads or overwrites.
 */
export function useAutosave(playbookId: string, playbook: Playbook, loadedRevision: number) {
  const json = JSON.stringify(playbook);
  const [savedJson, setSavedJson] = useState(json);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [message, setMessage] = useState<string | null>(null);
  const [conflictRevision, setConflictRevision] = useState<number | null>(null);
  const [serverIssues, setServerIssues] = useState<PlaybookIssue[] | null>(null);
  const revision = useRef(loadedRevision);
  const inFlight = useRef<Promise<void> | null>(null);
  const latest = useRef({ json, playbook });
  latest.current = { json, playbook };

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    const { json: sending, playbook: graph } = latest.current;
    setStatus('saving');
    const request = saveDraft(playbookId, graph, revision.current).then(
      (result) => {
        revision.current = result.revision;
        setServerIssues(result.issues);
        setSavedJson(sending);
        setMessage(null);
        setStatus(latest.current.json === sending ? 'saved' : 'dirty');
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 409) {
          setConflictRevision((error.body as { currentRevision?: number } | undefined)?.currentRevision ?? null);
          setStatus('conflict');
          setMessage(error.message);
        } else {
          setStatus('error');
          setMessage((error as Error).message);
        }
      },
    );
    inFlight.current = request;
    await request;
    inFlight.current = null;
  }, [playbookId]);

  useEffect(() => {
    if (json === savedJson || status === 'conflict' || status === 'saving') return;
    setStatus('dirty');
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [json, savedJson, status, save]);

  /** Saves now if anything is unsaved (before publishing). */
  const flush = useCallback(async () => {
    if (latest.current.json !== savedJson || inFlight.current) await save();
  }, [save, savedJson]);

  /** Keep my version: save over the server's revision. */
  const overwrite = useCallback(async () => {
    if (conflictRevision !== null) revision.current = conflictRevision;
    setConflictRevision(null);
    await save();
  }, [conflictRevision, save]);

  /** After (re)loading the draft from the server. */
  const markLoaded = useCallback((graph: Playbook, loaded: number) => {
    revision.current = loaded;
    setSavedJson(JSON.stringify(graph));
    setConflictRevision(null);
    setStatus('saved');
    setMessage(null);
  }, []);

  return {
    status,
    message,
    conflictRevision,
    serverIssues,
    revision: revision.current,
    isDirty: json !== savedJson || status === 'saving',
    flush,
    overwrite,
    markLoaded,
  };
}
