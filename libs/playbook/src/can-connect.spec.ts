import { canConnect, connectionIssue } from './can-connect';
import { samplePlaybook } from './testing';

describe('canConnect', () => {
  const playbook = samplePlaybook();
  it.each([
    ['a free, existing handle', { source: 'intro', sourceHandle: 'failed', target: 'noReply' }, null],
    ['self-loop', { source: 'intro', sourceHandle: 'failed', target: 'intro' }, 'self-loop'],
    ['into the entry', { source: 'intro', sourceHandle: 'failed', target: 'entry' }, 'edge-into-entry'],
    ['handle that does not exist', { source: 'call', sourceHandle: 'done', target: 'noReply' }, 'edge-unknown-handle'],
    ['null handle', { source: 'call', sourceHandle: null, target: 'noReply' }, 'edge-unknown-handle'],
    ['handle already used', { source: 'replied', sourceHandle: 'yes', target: 'noReply' }, 'handle-used-twice'],
    ['unknown source', { source: 'ghost', sourceHandle: 'next', target: 'noReply' }, 'edge-unknown-source'],
    ['unknown target', { source: 'intro', sourceHandle: 'failed', target: 'ghost' }, 'edge-unknown-target'],
  ])('%s', (_name, attempt, code) => {
    expect(connectionIssue(playbook, attempt)?.code ?? null).toBe(code);
    expect(canConnect(playbook, attempt)).toBe(code === null);
  });
});
