import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

export function PlaybooksPage() {
  return (
    <section className="full">
      <h1>Playbooks</h1>
      <div className="canvas" data-testid="playbook-canvas">
        <ReactFlow nodes={[]} edges={[]} fitView>
          <Background />
          <MiniMap />
          <Controls />
        </ReactFlow>
      </div>
    </section>
  );
}
