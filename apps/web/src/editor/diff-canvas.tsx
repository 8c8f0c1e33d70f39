import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { DEFAULT_NODE_SIZE } from './auto-layout';
import { useEffect, useMemo } from 'react';
import { EditorOverlaysContext, EMPTY_OVERLAYS } from './editor-overlays';
import type { DiffView } from './diff-view';
import { toFlow, type PlaybookFlowNode } from './flow-mapping';
import { nodeTypes } from './node-types';

// React Flow's own fit ran on the first measured node only inside the dialog; fit the laid-out graph instead.
function FitGraph({ nodes }: { nodes: PlaybookFlowNode[] }) {
  const flow = useReactFlow();
  useEffect(() => {
    const timer = setTimeout(() => {
      const xs = nodes.map((n) => n.position.x);
      const ys = nodes.map((n) => n.position.y);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      const bounds = {
        x,
        y,
        width: Math.max(...xs) - x + DEFAULT_NODE_SIZE.width,
        height: Math.max(...ys) - y + DEFAULT_NODE_SIZE.height,
      };
      void flow.fitBounds(bounds, { padding: 0.1 });
    }, 50);
    return () => clearTimeout(timer);
  }, [nodes, flow]);
  return null;
}

/** A read-only canvas of a version diff: added nodes green, changed amber, removed red and faded. */
export function DiffCanvas({ view }: { view: DiffView }) {
  const flow = useMemo(() => {
    const { nodes, edges } = toFlow(view.graph);
    return {
      nodes: nodes.map((n) => ({ ...n, draggable: false, connectable: false, selectable: false })),
      edges: edges.map((e) => ({
        ...e,
        className: view.removedEdges.has(e.id) ? 'edge-removed' : view.addedEdges.has(e.id) ? 'edge-added' : undefined,
      })),
    };
  }, [view]);
  const overlays = useMemo(() => ({ ...EMPTY_OVERLAYS, diff: view.marks }), [view]);
  // Its own provider: this canvas must not share the editor's React Flow store.
  return (
    <ReactFlowProvider>
      <EditorOverlaysContext.Provider value={overlays}>
        <div className="diff-canvas" data-testid="diff-canvas">
          <ReactFlow
            nodes={flow.nodes}
            edges={flow.edges}
            nodeTypes={nodeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            minZoom={0.1}
            proOptions={{ hideAttribution: true }}
          >
            <FitGraph nodes={flow.nodes} />
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
      </EditorOverlaysContext.Provider>
    </ReactFlowProvider>
  );
}
