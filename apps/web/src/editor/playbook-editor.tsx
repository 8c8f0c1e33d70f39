import type { DeliveryRow, NodeAnalytics, PlaybookDetail, PlaybookVersion } from '@segflow/api-contracts';
import './editor.css';
import { applyEdgeChanges, applyNodeChanges, type Connection, type Edge, type EdgeChange, type NodeChange } from '@xyflow/react';
import { canConnect, validatePlaybook, type LeadContext, type PlaybookIssue, type PlaybookNode, type SimulationResult } from '@segflow/playbook';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchVersionDelivery } from '../api/dashboards';
import { ApiError } from '../api/http';
import { getVersionAnalytics, listVersions, publishPlaybook } from '../api/playbooks';
import { deliveryBadgesByNode } from '../pages/delivery-figures';
import { edgesOnPath, issuesByNode, statsByNode, visitsByNode } from './canvas-overlays';
import { EditorOverlaysContext } from './editor-overlays';
import { EditorSidePanel, type SideTab } from './editor-side-panel';
import { EditorToolbar } from './editor-toolbar';
import { fromFlow, toFlow, type PlaybookFlowNode } from './flow-mapping';
import { nextEdgeId } from './node-ids';
import { NodePalette } from './node-palette';
import { PlaybookCanvas } from './playbook-canvas';
import { PREVIEW_LEAD } from './preview-lead';
import { PublishDialog } from './publish-dialog';
import { commandForKey } from './shortcuts';
import { useAutosave } from './use-autosave';
import { useUnsavedChangesGuard } from './use-unsaved-changes-guard';
import { useEditorCommands } from './use-editor-commands';
import { useEditorState, type HistoryMode } from './use-editor-state';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function historyModeOf(changes: NodeChange[] | EdgeChange[]): HistoryMode {
  return changes.every((c) => c.type === 'select' || c.type === 'dimensions' || c.type === 'position') ? 'silent' : 'record';
}

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
 */
export function PlaybookEditor({ detail, onRefresh, onReset }: { detail: PlaybookDetail; onRefresh: () => void; onReset: () => void }) {
  const state = useEditorState({ ...toFlow(detail.draft), settings: detail.draft.settings });
  const { nodes, edges, settings } = state.present;
  // Selection and measurement changes give new node arrays with the same content: keep one playbook object
  // per content, and validate only when something other than positions changed.
  const playbook = useStable(useMemo(() => fromFlow(nodes, edges, settings), [nodes, edges, settings]));
  const semanticKey = useMemo(() => JSON.stringify({ ...playbook, nodes: playbook.nodes.map(({ position: _p, ...rest }) => rest) }), [playbook]);
  const issues = useMemo(() => validatePlaybook(playbook), [semanticKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const autosave = useAutosave(detail.id, playbook, detail.draftRevision);
  const [tab, setTab] = useState<SideTab>('settings');
  const [lead, setLead] = useState<LeadContext>(PREVIEW_LEAD);
  const [simulation, setSimulation] = useState<SimulationResult | null>(null);
  const [versions, setVersions] = useState<PlaybookVersion[]>([]);
  const [analyticsVersion, setAnalyticsVersion] = useState<number | null>(null);
  const [analytics, setAnalytics] = useState<NodeAnalytics[]>([]);
  const [delivery, setDelivery] = useState<DeliveryRow[]>([]);
  const [publishing, setPublishing] = useState(false);
  const [publishIssues, setPublishIssues] = useState<PlaybookIssue[] | null>(null);
  const [versionsKey, setVersionsKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const commands = useEditorCommands(state, () => void autosave.flush());

  useEffect(() => void listVersions(detail.id).then(setVersions, () => setVersions([])), [detail.id, versionsKey]);
  useEffect(() => {
    setDelivery([]);
    if (analyticsVersion === null) return setAnalytics([]);
    getVersionAnalytics(detail.id, analyticsVersion).then(setAnalytics, (e: Error) => setNotice(`Analytics: ${e.message}`));
    fetchVersionDelivery(detail.id, analyticsVersion).then(setDelivery, (e: Error) => setNotice(`Delivery figures: ${e.message}`));
  }, [detail.id, analyticsVersion]);

  useUnsavedChangesGuard(autosave.isDirty);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('[role="dialog"]')) return;
      const command = commandForKey(event);
      if (!command || (command === 'copy' && window.getSelection()?.toString())) return;
      event.preventDefault();
      commands.run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);

  const onNodesChange = useCallback((changes: NodeChange<PlaybookFlowNode>[]) => state.update((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) }), historyModeOf(changes)), [state]);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => state.update((s) => ({ ...s, edges: applyEdgeChanges(changes, s.edges) }), historyModeOf(changes)), [state]);
  const playbookRef = useRef(playbook);
  playbookRef.current = playbook;
  const isValidConnection = useCallback((c: Connection | Edge) => canConnect(playbookRef.current, { source: c.source, sourceHandle: c.sourceHandle ?? null, target: c.target }), []);
  const onConnect = useCallback(
    (c: Connection) =>
      state.update((s) => {
        if (!canConnect(fromFlow(s.nodes, s.edges, s.settings), c)) return s;
        return { ...s, edges: [...s.edges, { id: nextEdgeId(new Set(s.edges.map((e) => e.id))), source: c.source, sourceHandle: c.sourceHandle, target: c.target }] };
      }),
    [state],
  );
  const updateConfig = useCallback(
    (nodeId: string, config: PlaybookNode['config']) =>
      state.update((s) => ({ ...s, nodes: s.nodes.map((n) => (n.id === nodeId ? { ...n, data: { config } } : n)) }), { coalesce: `config:${nodeId}` }),
    [state],
  );

  const selected = nodes.filter((n) => n.selected);
  const selectedNode = selected.length === 1 ? (playbook.nodes.find((n) => n.id === selected[0]!.id) ?? null) : null;
  useEffect(() => {
    if (selectedNode) setTab('node');
  }, [selectedNode?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const walked = useMemo(() => (simulation ? edgesOnPath(simulation.path, playbook.edges) : new Set<string>()), [simulation, playbook.edges]);
  const viewEdges = useMemo(() => (walked.size === 0 ? edges : edges.map((e) => (walked.has(e.id) ? { ...e, className: 'edge-walked', animated: true } : e))), [edges, walked]);
  const overlays = useStable({
    issues: issuesByNode(issues),
    visits: simulation ? visitsByNode(simulation.path) : {},
    stats: statsByNode(analytics),
    delivery: deliveryBadgesByNode(delivery),
    diff: {},
  });

  const publish = async (note: string) => {
    await autosave.flush();
    try {
      const result = await publishPlaybook(detail.id, note);
      setPublishing(false);
      setPublishIssues(null);
      setNotice(`Published version ${result.version}.`);
      setVersionsKey((k) => k + 1);
      onRefresh();
    } catch (e) {
      const body = e instanceof ApiError ? (e.body as { issues?: PlaybookIssue[] } | undefined) : undefined;
      setPublishIssues(body?.issues ?? [{ code: 'schema', message: (e as Error).message }]);
    }
  };

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
          versions={versions}
          analyticsVersion={analyticsVersion}
          onAnalyticsVersion={setAnalyticsVersion}
          onCommand={commands.run}
          onShowIssues={() => setTab('issues')}
          onPublish={() => setPublishing(true)}
        />
        {autosave.status === 'conflict' && (
          <div className="banner banner--error" role="alert">
            Someone else saved this playbook{autosave.conflictRevision ? ` (now revision ${autosave.conflictRevision})` : ''}; your latest changes are not saved.
            <button type="button" onClick={onReset}>Load their version</button>
            <button type="button" onClick={() => void autosave.overwrite()}>Keep mine (overwrite)</button>
          </div>
        )}
        {autosave.status === 'error' && <div className="banner banner--error" role="alert">Could not save: {autosave.message}</div>}
        {notice && <div className="banner" role="status" onClick={() => setNotice(null)}>{notice}</div>}
        <div className="editor__body">
          <NodePalette onAdd={(type) => commands.addNode(type)} />
          <PlaybookCanvas
            nodes={nodes}
            edges={viewEdges}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            isValidConnection={isValidConnection}
            onDropNode={commands.addNode}
            onNodeDragStart={state.beginDrag}
            onNodeDragStop={state.endDrag}
          />
          <EditorSidePanel
            tab={tab}
            onTab={setTab}
            detail={detail}
            playbook={playbook}
            issues={issues}
            selectedNode={selectedNode}
            lead={lead}
            onLeadChange={setLead}
            onConfig={updateConfig}
            onSettings={(next) => state.update((s) => ({ ...s, settings: next }), { coalesce: 'settings' })}
            onDeleteSelected={() => commands.run('delete')}
            onFocusIssue={(issue) => {
              commands.focusIssue(issue);
              if (issue.nodeId) setTab('node');
            }}
            onSimulation={setSimulation}
            versionsKey={versionsKey}
            onRestored={onReset}
            onBindingChanged={onRefresh}
          />
        </div>
        {publishing && <PublishDialog issueCount={issues.length} serverIssues={publishIssues} onPublish={publish} onClose={() => setPublishing(false)} />}
      </div>
    </EditorOverlaysContext.Provider>
  );
}
