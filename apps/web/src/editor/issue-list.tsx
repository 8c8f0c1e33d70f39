import type { PlaybookIssue } from '@segflow/playbook';

/** Every validation issue; clicking one focuses its node on the canvas. */
export function IssueList({ issues, onFocus }: { issues: PlaybookIssue[]; onFocus: (issue: PlaybookIssue) => void }) {
  if (issues.length === 0)
    return (
      <p className="ok" data-testid="no-issues">
        No issues: ready to publish.
      </p>
    );
  return (
    <ul className="issue-list" aria-label="Validation issues">
      {issues.map((issue, index) => (
        <li key={index}>
          <button type="button" className="issue" onClick={() => onFocus(issue)}>
            <span className="badge badge--error">{issue.code}</span>{' '}
            {issue.nodeId ? <strong>{issue.nodeId}</strong> : <strong>settings</strong>}{' '}
            {issue.field && <code>{issue.field}</code>} {issue.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
