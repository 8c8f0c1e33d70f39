import type { PlaybookDetail, PlaybookVersion } from '@segflow/api-contracts';
import type { EditorCommand } from './shortcuts';
import { SHORTCUT_HELP } from './shortcuts';
import type { SaveStatus } from './use-autosave';

const SAVE_TEXT: Record<SaveStatus, string> = {
  saved: 'All changes saved',
  dirty: 'Unsaved changes…',
  saving: 'Saving…',
  conflict: 'Not saved: edited elsewhere',
  error: 'Save failed',
};

export interface EditorToolbarProps {
  playbook: PlaybookDetail;
  saveStatus: SaveStatus;
  revision: number;
  issueCount: number;
  canUndo: boolean;
  canRedo: boolean;
  versions: PlaybookVersion[];
  analyticsVersion: number | null;
  onAnalyticsVersion: (version: number | null) => void;
  onCommand: (command: EditorCommand) => void;
  onShowIssues: () => void;
  onPublish: () => void;
}

/** Name, save state, edit commands, analytics version, issue count and Publish. */
export function EditorToolbar(props: EditorToolbarProps) {
  const help = SHORTCUT_HELP.map((s) => `${s.command}: ${s.keys}`).join('\n');
  const button = (command: EditorCommand, label: string, disabled = false) => (
    <button
      type="button"
      onClick={() => props.onCommand(command)}
      disabled={disabled}
      title={SHORTCUT_HELP.find((s) => s.command === command)?.keys}
    >
      {label}
    </button>
  );
  return (
    <header className="editor-toolbar">
      <div className="editor-toolbar__title">
        <h1>{props.playbook.name}</h1>
        <span className={`pill pill--${props.playbook.status}`}>{props.playbook.status}</span>
        {props.playbook.publishedVersion !== null && (
          <span className="muted">v{props.playbook.publishedVersion} live</span>
        )}
        <span className={`save-status save-status--${props.saveStatus}`} role="status" data-testid="save-status">
          {SAVE_TEXT[props.saveStatus]} {props.saveStatus === 'saved' ? `(rev ${props.revision})` : ''}
        </span>
      </div>
      <div className="button-row">
        {button('undo', 'Undo', !props.canUndo)}
        {button('redo', 'Redo', !props.canRedo)}
        {button('copy', 'Copy')}
        {button('paste', 'Paste')}
        {button('delete', 'Delete')}
        {button('layout', 'Auto-layout')}
        {button('fit', 'Fit')}
        <span className="muted" title={help}>
          ⌨ shortcuts
        </span>
        <label className="inline">
          Analytics
          <select
            aria-label="Analytics version"
            value={props.analyticsVersion ?? ''}
            onChange={(e) => props.onAnalyticsVersion(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">off</option>
            {props.versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={props.issueCount > 0 ? 'badge-button has-issues' : 'badge-button'}
          onClick={props.onShowIssues}
          data-testid="issue-count"
        >
          {props.issueCount === 0 ? '✓ valid' : `${props.issueCount} issues`}
        </button>
        <button type="button" className="primary" onClick={props.onPublish}>
          Publish…
        </button>
      </div>
    </header>
  );
}
