import type { PlaybookDetail } from '@segflow/api-contracts';
import {
  eventTypesHeardBy,
  type LeadContext,
  type Playbook,
  type PlaybookIssue,
  type PlaybookNode,
  type PlaybookSettings,
  type SimulationResult,
} from '@segflow/playbook';
import { BindingPanel } from './binding-panel';
import { IssueList } from './issue-list';
import { NodeForm } from './node-form';
import { SettingsForm } from './settings-form';
import { SimulatePanel } from './simulate-panel';
import { VersionsPanel } from './versions-panel';

/** Tabs of the editor's side panel. */
export type SideTab = 'node' | 'settings' | 'issues' | 'simulate' | 'versions' | 'binding';

const TABS: Array<{ tab: SideTab; label: string }> = [
  { tab: 'node', label: 'Node' },
  { tab: 'settings', label: 'Settings' },
  { tab: 'issues', label: 'Issues' },
  { tab: 'simulate', label: 'Simulate' },
  { tab: 'versions', label: 'Versions' },
  { tab: 'binding', label: 'Binding' },
];

export interface EditorSidePanelProps {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  detail: PlaybookDetail;
  playbook: Playbook;
  issues: PlaybookIssue[];
  selectedNode: PlaybookNode | null;
  lead: LeadContext;
  onLeadChange: (lead: LeadContext) => void;
  onConfig: (nodeId: string, config: PlaybookNode['config']) => void;
  onSettings: (settings: PlaybookSettings) => void;
  onDeleteSelected: () => void;
  onFocusIssue: (issue: PlaybookIssue) => void;
  onSimulation: (result: SimulationResult | null) => void;
  onRestored: () => void;
  onBindingChanged: () => void;
}

/** The side panel: the selected node's form, settings, issues, simulator, versions and binding. */
export function EditorSidePanel(props: EditorSidePanelProps) {
  const { selectedNode } = props;
  return (
    <aside className="side-panel" aria-label="Side panel">
      <div className="tabs" role="tablist">
        {TABS.map(({ tab, label }) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={props.tab === tab}
            className={props.tab === tab ? 'active' : undefined}
            onClick={() => props.onTab(tab)}
          >
            {label}
            {tab === 'issues' && props.issues.length > 0 ? ` (${props.issues.length})` : ''}
          </button>
        ))}
      </div>
      <div className="side-panel__body">
        {props.tab === 'node' &&
          (selectedNode ? (
            <NodeForm
              node={selectedNode}
              issues={props.issues.filter((i) => i.nodeId === selectedNode.id)}
              lead={props.lead}
              onChange={(config) => props.onConfig(selectedNode.id, config)}
              onDelete={props.onDeleteSelected}
            />
          ) : (
            <p className="muted">
              Select one node to edit it. Drag nodes from the palette; connect a handle at the bottom of a node to the
              top of another.
            </p>
          ))}
        {props.tab === 'settings' && (
          <SettingsForm
            settings={props.playbook.settings}
            heardEvents={eventTypesHeardBy(props.playbook)}
            onChange={props.onSettings}
          />
        )}
        {props.tab === 'issues' && <IssueList issues={props.issues} onFocus={props.onFocusIssue} />}
        {/* Hidden rather than unmounted so the timeline survives switching tabs. */}
        <div hidden={props.tab !== 'simulate'}>
          <SimulatePanel
            playbook={props.playbook}
            lead={props.lead}
            onLeadChange={props.onLeadChange}
            onResult={props.onSimulation}
          />
        </div>
        {props.tab === 'versions' && (
          <VersionsPanel playbookId={props.detail.id} draft={props.playbook} onRestored={props.onRestored} />
        )}
        {props.tab === 'binding' && <BindingPanel playbook={props.detail} onChanged={props.onBindingChanged} />}
      </div>
    </aside>
  );
}
