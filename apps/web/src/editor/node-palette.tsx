import { NODE_REGISTRY, NODE_TYPES, type NodeType } from '@segflow/playbook';
import type { DragEvent } from 'react';

/** The drag payload type a palette item carries. */
export const PALETTE_MIME = 'application/segflow-node';

/** Every node kind but the entry, from the registry; drag one onto the canvas (or click to add it). */
export function NodePalette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const onDragStart = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <aside className="palette" aria-label="Node palette">
      <h2>Nodes</h2>
      {NODE_TYPES.filter((type) => type !== 'entry').map((type) => (
        <button
          key={type}
          type="button"
          draggable
          className={`palette__item pb-node--${type}`}
          data-testid={`palette-${type}`}
          title={NODE_REGISTRY[type].description}
          onDragStart={(event) => onDragStart(event, type)}
          onClick={() => onAdd(type)}
        >
          <strong>{NODE_REGISTRY[type].label}</strong>
          <small>{NODE_REGISTRY[type].description}</small>
        </button>
      ))}
    </aside>
  );
}
