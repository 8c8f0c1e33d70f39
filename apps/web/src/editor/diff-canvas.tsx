import { Background, MiniMap, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { EditorOverlaysContext, EMPTY_OVERLAYS } from './editor-overlays';
import type { DiffView } from './diff-view';
import { toFlow } from './flow-mapping';
import { nodeTypes } from './node-types';

/** A read-only canvas of a version diff: added nodes green, changed amber, removed red and faded. */
export function DiffCanvas({ view }: { view: DiffView }) {
  const flow = useMemo(() => {
    const { nodes, edges } = toFlow(view.graph);
    return {
      nodes: nodes.map((n) => ({ ...n, draggable: false, connectable: false, selectable: false })),
      edges: edges.map((e) => ({ ...e, className: view.removedEdges.has(e.id) ? 'edge-removed' : view.addedEdges.has(e.id) ? 'edge-added' : undefined })),
    };
  }, [view]);
  const overlays = useMemo(() => ({ ...EMPTY_OVERLAYS, diff: view.marks }), [view]);
  return (
    <ReactFlowProvider>
      <EditorOverlaysContext.Provider value={overlays}>
        <div className="diff-canvas" data-testid="diff-canvas">
          <ReactFlow nodes={flow.nodes} edges={flow.edges} nodeTypes={nodeTypes} fitView nodesDraggable={false} nodesConnectable={false} proOptions={{ hideAttribution: true }}>
            <Background />
            <MiniMap pannable zoomable />
          </ReactFlow>
        </div>
      </EditorOverlaysContext.Provider>
    </ReactFlowProvider>
  );
}
