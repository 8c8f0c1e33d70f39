import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import type { NodeType } from '@segflow/playbook';
import { useEffect, useRef, type DragEvent } from 'react';
import type { PlaybookFlowEdge, PlaybookFlowNode } from './flow-mapping';
import { PALETTE_MIME } from './node-palette';
import { nodeTypes } from './node-types';

export interface PlaybookCanvasProps {
  nodes: PlaybookFlowNode[];
  edges: PlaybookFlowEdge[];
  onNodesChange: (changes: NodeChange<PlaybookFlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (connection: Connection) => void;
  isValidConnection: (connection: Connection | Edge) => boolean;
  onDropNode: (type: NodeType, screen: XYPosition) => void;
  onNodeDragStart: () => void;
  onNodeDragStop: () => void;
}

const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.1 };
const PRO_OPTIONS = { hideAttribution: true };

/** The editing canvas: React Flow with palette drops; every decision is made by the editor's callbacks. */
export function PlaybookCanvas(props: PlaybookCanvasProps) {
  const initialized = useNodesInitialized();
  const flow = useReactFlow();
  const fitted = useRef(false);
  // The `fitView` prop runs before the nodes are measured; fit once more when they are.
  useEffect(() => {
    if (!initialized || fitted.current) return;
    fitted.current = true;
    void flow.fitView(FIT_VIEW_OPTIONS);
  }, [initialized, flow]);
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(PALETTE_MIME) as NodeType;
    if (!type) return;
    event.preventDefault();
    props.onDropNode(type, { x: event.clientX, y: event.clientY });
  };
  return (
    <div className="canvas" data-testid="playbook-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={props.nodes}
        edges={props.edges}
        nodeTypes={nodeTypes}
        onNodesChange={props.onNodesChange}
        onEdgesChange={props.onEdgesChange}
        onConnect={props.onConnect}
        isValidConnection={props.isValidConnection}
        onNodeDragStart={props.onNodeDragStart}
        onNodeDragStop={props.onNodeDragStop}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        proOptions={PRO_OPTIONS}
      >
        <Background />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
