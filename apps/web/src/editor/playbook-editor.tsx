import type { PlaybookDetail } from '@segflow/api-contracts';
import './editor.css';
import { validatePlaybook } from '@segflow/playbook';
import { useMemo, useRef, useState } from 'react';
import { deliveryBadgesByNode } from '../figures/delivery-figures';
import { edgesOnPath, issuesByNode, statsByNode, visitsByNode } from './canvas-overlays';
import { EditorOverlaysContext } from './editor-overlays';
import { EditorSidePanel } from './editor-side-panel';
import { EditorToolbar } from './editor-toolbar';
import { fromFlow, toFlow } from './flow-mapping';
import { NodePalette } from './node-palette';
import { PlaybookCanvas } from './playbook-canvas';
import { PublishDialog } from './publish-dialog';
import { useAutosave } from './use-autosave';
import { useCanvasHandlers } from './use-canvas-handlers';
import { useEditorCommands } from './use-editor-commands';
import { useEditorKeyboard } from './use-editor-keyboard';
import { useEditorState } from './use-editor-state';
import { usePublish } from './use-publish';
import { useSidePanel } from './use-side-panel';
import { useUnsavedChangesGuard } from './use-unsaved-changes-guard';
import { useLeadAttributes } from './use-lead-attributes';
import { useVersionFigures } from './use-version-figures';

// Stable references while the content is the same, so node overlays do not re-render on every drag frame.
function useStable<T>(value: T): T {
  const ref = useRef(value);
  const json = JSON.stringify(value);
  const last = useRef(json);
  if (json !== last.current) {
    last.current = json;
    ref.current = value;
  }
  return ref.current;
}

/**
 * The playbook editor: palette, canvas, side panel, toolbar; autosaves the draft. Needs a ReactFlowProvider.
 * `onRefresh` re-reads the playbook's metadata (status, published version, binding) and keeps the canvas;
 * `onReset` reloads the draft from the server and starts the editor afresh (after restore or a conflict).
 * Each concern keeps its own state in a hook (undoable graph, autosave, side panel, version figures, publishing).
 */
export function PlaybookEditor({
  detail,
  onRefresh,
  onReset,
}: {
  detail: PlaybookDetail;
  onRefresh: () => void;
  onReset: () => void;
}) {
  const state = useEditorState({ ...toFlow(detail.draft), settings: detail.draft.settings });
  const { nodes, edges, settings } = state.present;
  // Selection and measurement changes give new node arrays with the same content: keep one playbook object
  // per content, and validate only when something other than positions changed.
  const playbook = useStable(useMemo(() => fromFlow(nodes, edges, settings), [nodes, edges, settings]));
  const semanticKey = useMemo(
    () => JSON.stringify({ ...playbook, nodes: playbook.nodes.map(({ position: _p, ...rest }) => rest) }),
    [playbook],
  );
  const leadAttributes = useLeadAttributes();
  const issues = useMemo(() => validatePlaybook(playbook, { leadAttributes }), [semanticKey, leadAttributes]); // eslint-disable-line react-hooks/exhaustive-deps
  const autosave = useAutosave(detail.id, playbook, detail.draftRevision);
  const commands = useEditorCommands(state, () => void autosave.flush());
  const handlers = useCanvasHandlers(state, playbook);
  const figures = useVersionFigures(detail.id);
  const [notice, setNotice] = useState<string | null>(null);
  const publishing = usePublish(detail.id, autosave.flush, (version) => {
    setNotice(`Published version ${version}.`);
    onRefresh();
  });
  useUnsavedChangesGuard(autosave.isDirty);
  useEditorKeyboard(commands);

  const selected = nodes.filter((n) => n.selected);
  const selectedNode = selected.length === 1 ? (playbook.nodes.find((n) => n.id === selected[0]!.id) ?? null) : null;
  const panel = useSidePanel(selectedNode?.id ?? null);
  const { simulation } = panel;

  const walked = useMemo(
    () => (simulation ? edgesOnPath(simulation.path, playbook.edges) : new Set<string>()),
    [simulation, playbook.edges],
  );
  const viewEdges = useMemo(
    () =>
      walked.size === 0
        ? edges
        : edges.map((e) => (walked.has(e.id) ? { ...e, className: 'edge-walked', animated: true } : e)),
    [edges, walked],
  );
  const overlays = useStable({
    issues: issuesByNode(issues),
    visits: simulation ? visitsByNode(simulation.path) : {},
    stats: statsByNode(figures.analytics),
    delivery: deliveryBadgesByNode(figures.delivery),
    diff: {},
  });
  const shownNotice = notice ?? figures.failure;

  return (
    <EditorOverlaysContext.Provider value={overlays}>
      <div className="editor">
        <EditorToolbar
          playbook={detail}
          saveStatus={autosave.status}
          revision={autosave.revision}
          issueCount={issues.length}
          canUndo={state.canUndo}
          canRedo={state.canRedo}
          versions={figures.versions}
          analyticsVersion={figures.analyticsVersion}
          onAnalyticsVersion={figures.setAnalyticsVersion}
          onCommand={commands.run}
          onShowIssues={() => panel.setTab('issues')}
          onPublish={publishing.show}
        />
        {autosave.status === 'conflict' && (
          <div className="banner banner--error" role="alert">
            Someone else saved this playbook
            {autosave.conflictRevision ? ` (now revision ${autosave.conflictRevision})` : ''}; your latest changes are
            not saved.
            <button type="button" onClick={onReset}>
              Load their version
            </button>
            <button type="button" onClick={() => void autosave.overwrite()}>
              Keep mine (overwrite)
            </button>
          </div>
        )}
        {autosave.status === 'error' && (
          <div className="banner banner--error" role="alert">
            Could not save: {autosave.message}
          </div>
        )}
        {shownNotice && (
          <div className="banner" role="status" onClick={() => setNotice(null)}>
            {shownNotice}
          </div>
        )}
        <div className="editor__body">
          <NodePalette onAdd={(type) => commands.addNode(type)} />
          <PlaybookCanvas
            nodes={nodes}
            edges={viewEdges}
            onNodesChange={handlers.onNodesChange}
            onEdgesChange={handlers.onEdgesChange}
            onConnect={handlers.onConnect}
            isValidConnection={handlers.isValidConnection}
            onDropNode={commands.addNode}
            onNodeDragStart={state.beginDrag}
            onNodeDragStop={state.endDrag}
          />
          <EditorSidePanel
            tab={panel.tab}
            onTab={panel.setTab}
            detail={detail}
            playbook={playbook}
            issues={issues}
            selectedNode={selectedNode}
            lead={panel.lead}
            onLeadChange={panel.setLead}
            onConfig={handlers.updateConfig}
            onSettings={(next) => state.update((s) => ({ ...s, settings: next }), { coalesce: 'settings' })}
            onDeleteSelected={() => commands.run('delete')}
            onFocusIssue={(issue) => {
              commands.focusIssue(issue);
              if (issue.nodeId) panel.setTab('node');
            }}
            onSimulation={panel.setSimulation}
            onRestored={onReset}
            onBindingChanged={onRefresh}
          />
        </div>
        {publishing.open && (
          <PublishDialog
            issueCount={issues.length}
            serverIssues={publishing.serverIssues}
            onPublish={publishing.publish}
            onClose={publishing.close}
          />
        )}
      </div>
    </EditorOverlaysContext.Provider>
  );
}
