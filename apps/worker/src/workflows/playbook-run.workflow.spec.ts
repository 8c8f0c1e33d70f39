import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { bundleWorkflows } from '../workflow-bundle';

const FIXTURE = join(__dirname, 'fixtures', 'playbook-run-history.json');

describe('playbookRunWorkflow', () => {
  let code: string;
  beforeAll(async () => {
    code = (await bundleWorkflows()).code;
  });

  it('bundles (no Node or worker module reaches the workflow sandbox; lib aliases resolve)', () => {
    expect(code).toContain('playbookRunWorkflow');
  });

  // Every workflow instantiation evaluates the bundle's modules again; zod's schema classes were most of a run's
  // start-up cost. The interpreter needs no schema, so none may reach the bundle (libs are "sideEffects": false).
  it('leaves zod and the libs the interpreter does not use out of the bundle', () => {
    expect(code).not.toMatch(/node_modules\/zod\//);
    expect(code).not.toMatch(/libs\/(scoring|routing)\//);
  });

  // Evaluated once per workflow thread, not per run; webpack silently drops a preload of a side-effect-free module.
  it('preloads the interpreter and liquidjs (shared-modules.ts) once per workflow thread', () => {
    const preload = /preloadModules\(\) \{([^}]*)\}/.exec(code)?.[1];
    expect(preload).toContain('__webpack_require__(');
    expect(preload).toContain('"./apps/worker/src/workflows/shared-modules.ts")');
  });

  // Recorded from a real run (send → wait → reply → branch → task → goal, converted) by e2e/playbook-runs.spec.ts
  // with RECORD_PLAYBOOK_HISTORY=1. A change that makes the workflow non-deterministic fails this replay.
  it('replays a recorded history without non-determinism', async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    const history = historyFromJSON(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    await expect(
      Worker.runReplayHistory({ workflowBundle: { code } }, history, 'playbook-run-fixture'),
    ).resolves.toBeUndefined();
  });
});
