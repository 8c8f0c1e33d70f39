import type { Playbook } from '@segflow/playbook';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getVersion, listVersions, restoreVersion } from '../api/playbooks';
import { DiffCanvas } from './diff-canvas';
import { diffView, type DiffView } from './diff-view';
import { queryKeys } from '../query/keys';

const DRAFT = 0;

function DiffSummary({ view }: { view: DiffView }) {
  const { diff } = view;
  const lines = [
    ...diff.addedNodes.map((id) => ['added', `node ${id} added`]),
    ...diff.removedNodes.map((id) => ['removed', `node ${id} removed`]),
    ...diff.changedNodes.map((c) => ['changed', `node ${c.nodeId} changed: ${c.fields.join(', ')}`]),
    ...diff.addedEdges.map((id) => ['added', `edge ${id} added`]),
    ...diff.removedEdges.map((id) => ['removed', `edge ${id} removed`]),
    ...diff.changedSettings.map((key) => ['changed', `setting ${key} changed`]),
  ];
  if (lines.length === 0)
    return (
      <p className="muted">
        No behavioural change{diff.movedNodes.length ? ` (${diff.movedNodes.length} nodes moved)` : ''}.
      </p>
    );
  return (
    <ul className="diff-summary" aria-label="Differences">
      {lines.map(([kind, text], i) => (
        <li key={i} className={`diff-${kind}`}>
          {text}
        </li>
      ))}
    </ul>
  );
}

/** Version history: who published what and when, a visual diff of two versions (or a version and the draft), restore. */
export function VersionsPanel({
  playbookId,
  draft,
  onRestored,
}: {
  playbookId: string;
  draft: Playbook;
  onRestored: () => void;
}) {
  // Same query as the toolbar's: a publish invalidates it and both show the new version.
  const listed = useQuery({
    queryKey: queryKeys.playbooks.versions(playbookId),
    queryFn: () => listVersions(playbookId),
  });
  const versions = listed.data ?? [];
  const [picked, setFrom] = useState<number | null>(null);
  const from = picked ?? versions[0]?.version ?? null;
  const [to, setTo] = useState<number>(DRAFT);
  const [view, setView] = useState<DiffView | null>(null);
  const [failure, setError] = useState<string | null>(null);
  const error = failure ?? listed.error?.message ?? null;

  const compare = async () => {
    if (from === null) return;
    try {
      const graphOf = async (v: number) => (v === DRAFT ? draft : (await getVersion(playbookId, v)).graph);
      setView(diffView(await graphOf(from), await graphOf(to)));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const restore = async (version: number) => {
    if (!window.confirm(`Replace the draft with version ${version}?`)) return;
    await restoreVersion(playbookId, version).then(onRestored, (e: Error) => setError(e.message));
  };

  return (
    <section aria-label="Versions">
      <h3>Versions</h3>
      {versions.length === 0 && <p className="muted">Nothing published yet.</p>}
      <table className="table table--compact">
        <thead>
          <tr>
            <th>#</th>
            <th>Published</th>
            <th>By</th>
            <th>Note</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>{new Date(v.publishedAt).toLocaleString()}</td>
              <td>{v.publishedBy ?? '—'}</td>
              <td>{v.note}</td>
              <td>
                <button type="button" className="link" onClick={() => void restore(v.version)}>
                  restore
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 0 && (
        <div className="field__row">
          <label className="field">
            From
            <select aria-label="Compare from" value={from ?? ''} onChange={(e) => setFrom(Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            To
            <select aria-label="Compare to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
              <option value={DRAFT}>current draft</option>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void compare()}>
            Compare
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {view && <DiffSummary view={view} />}
      {view && (
        <div className="dialog-backdrop" role="dialog" aria-label="Version diff">
          <div className="dialog dialog--wide">
            <div className="button-row">
              <h3>
                Changes from v{from} to {to === DRAFT ? 'the draft' : `v${to}`}
              </h3>
              <button type="button" onClick={() => setView(null)}>
                Close
              </button>
            </div>
            <div className="diff-layout">
              <DiffCanvas view={view} />
              <DiffSummary view={view} />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
