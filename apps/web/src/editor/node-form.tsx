import { NODE_REGISTRY, type LeadContext, type PlaybookIssue, type PlaybookNode } from '@segflow/playbook';
import { BranchForm } from './branch-form';
import { ExitForm } from './exit-form';
import { GoalForm } from './goal-form';
import { RouteForm } from './route-form';
import { SendForm } from './send-form';
import { SplitForm } from './split-form';
import { TaskForm } from './task-form';
import { WaitForEventForm } from './wait-for-event-form';
import { WaitForm } from './wait-form';

function FormOfKind({
  node,
  lead,
  onChange,
}: {
  node: PlaybookNode;
  lead: LeadContext;
  onChange: (config: PlaybookNode['config']) => void;
}) {
  switch (node.type) {
    case 'entry':
      return <p className="muted">Runs start here when a lead joins the bound segment.</p>;
    case 'send':
      return <SendForm config={node.config} lead={lead} onChange={onChange} />;
    case 'task':
      return <TaskForm config={node.config} lead={lead} onChange={onChange} />;
    case 'route':
      return <RouteForm config={node.config} lead={lead} onChange={onChange} />;
    case 'wait':
      return <WaitForm config={node.config} lead={lead} onChange={onChange} />;
    case 'waitForEvent':
      return <WaitForEventForm config={node.config} lead={lead} onChange={onChange} />;
    case 'branch':
      return <BranchForm config={node.config} lead={lead} onChange={onChange} />;
    case 'split':
      return <SplitForm config={node.config} lead={lead} onChange={onChange} />;
    case 'goal':
      return <GoalForm config={node.config} lead={lead} onChange={onChange} />;
    case 'exit':
      return <ExitForm config={node.config} lead={lead} onChange={onChange} />;
  }
}

/** The side-panel form of the selected node, with its validation issues. */
export function NodeForm({
  node,
  issues,
  lead,
  onChange,
  onDelete,
}: {
  node: PlaybookNode;
  issues: PlaybookIssue[];
  lead: LeadContext;
  onChange: (config: PlaybookNode['config']) => void;
  onDelete: () => void;
}) {
  return (
    <form
      className="node-form"
      aria-label={`${NODE_REGISTRY[node.type].label} settings`}
      onSubmit={(e) => e.preventDefault()}
    >
      <h3>
        {NODE_REGISTRY[node.type].label} <small className="muted">{node.id}</small>
      </h3>
      <p className="muted">{NODE_REGISTRY[node.type].description}</p>
      {issues.length > 0 && (
        <ul className="issue-list issue-list--inline">
          {issues.map((issue, i) => (
            <li key={i} className="error">
              {issue.field ? `${issue.field}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {/* key: a fresh form per node so uncontrolled inputs (holidays) do not leak between nodes */}
      <FormOfKind key={node.id} node={node} lead={lead} onChange={onChange} />
      {node.type !== 'entry' && (
        <button type="button" className="danger" onClick={onDelete}>
          Delete node
        </button>
      )}
    </form>
  );
}
