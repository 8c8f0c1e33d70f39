import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { NODE_REGISTRY, outHandlesOf, type PlaybookNode } from '@segflow/playbook';
import { memo, useEffect, useRef } from 'react';
import { useEditorOverlays } from './editor-overlays';
import type { PlaybookFlowNode } from './flow-mapping';
import { summarizeNode } from './node-summary';

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A playbook node on the canvas: label, summary, typed out handles from the registry, overlays. */
function PlaybookNodeViewBase({ id, type, data, selected }: NodeProps<PlaybookFlowNode>) {
  const node = { id, type, position: { x: 0, y: 0 }, config: data.config } as PlaybookNode;
  const handles = outHandlesOf(node);
  const handleKey = handles.map((h) => h.id).join('|');
  const updateNodeInternals = useUpdateNodeInternals();
  const { issues, visits, stats, delivery, diff } = useEditorOverlays();
  const nodeIssues = issues[id] ?? [];
  const nodeVisits = visits[id] ?? [];
  const nodeStats = stats[id];
  const nodeDelivery = type === 'send' ? delivery[id] : undefined;
  // Handles come from the config (split variants, task waiting): React Flow must re-measure them when they
  // change. Not on mount: React Flow measures new nodes itself, and 300 extra updates made opening slow.
  const measuredKey = useRef(handleKey);
  useEffect(() => {
    if (measuredKey.current === handleKey) return;
    measuredKey.current = handleKey;
    updateNodeInternals(id);
  }, [id, handleKey, updateNodeInternals]);
  const classes = [
    'pb-node',
    `pb-node--${type}`,
    selected && 'is-selected',
    nodeIssues.length > 0 && 'has-issues',
    nodeVisits.length > 0 && 'is-visited',
    diff[id] && `diff-${diff[id]}`,
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`node-${id}`}
      title={nodeIssues.map((i) => i.message).join('\n') || undefined}
    >
      {type !== 'entry' && <Handle type="target" position={Position.Top} />}
      <div className="pb-node__head">
        <span className="pb-node__kind">{NODE_REGISTRY[type].label}</span>
        <span className="pb-node__id">{id}</span>
        {nodeIssues.length > 0 && (
          <span className="badge badge--error" aria-label={`${nodeIssues.length} issues`}>
            {nodeIssues.length}
          </span>
        )}
        {diff[id] && <span className={`badge badge--diff-${diff[id]}`}>{diff[id]}</span>}
      </div>
      <div className="pb-node__summary">{summarizeNode(node)}</div>
      {nodeVisits.length > 0 && (
        <ol className="pb-node__visits" aria-label="Simulated visits">
          {nodeVisits.map((v) => (
            <li key={v.visit}>
              {formatTime(v.enteredAt)}
              {v.outcome ? ` → ${v.outcome}` : ' (waiting)'}
              {v.note ? ` · ${v.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      {nodeStats && (
        <div className="pb-node__stats" aria-label="Run analytics">
          <span title="reached">▶ {nodeStats.reached}</span>
          <span title="waiting here">⏸ {nodeStats.waiting}</span>
          <span title="exited here">⏏ {nodeStats.exited}</span>
          <span title="converted after">★ {nodeStats.converted}</span>
        </div>
      )}
      {nodeDelivery && (
        <div className="pb-node__delivery" aria-label="Delivery" title={nodeDelivery.title}>
          ✉ {nodeDelivery.text}
        </div>
      )}
      <div className="pb-node__handles">
        {handles.map((handle, index) => (
          <div
            key={handle.id}
            className="pb-node__handle-label"
            style={{ left: `${((index + 1) / (handles.length + 1)) * 100}%` }}
          >
            {handle.label}
            <Handle
              type="source"
              id={handle.id}
              position={Position.Bottom}
              className={handle.required ? 'handle--required' : 'handle--optional'}
              aria-label={`${id} ${handle.label}`}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

export const PlaybookNodeView = memo(PlaybookNodeViewBase);
