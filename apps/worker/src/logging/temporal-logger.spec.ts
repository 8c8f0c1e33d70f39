import { createWorkerLogger } from './worker-logger';
import { temporalLoggerOver } from './temporal-logger';

function capture(level: 'debug' | 'info' | 'warn' | 'error') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createWorkerLogger(level, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, temporal: temporalLoggerOver(logger) };
}

describe('temporalLoggerOver', () => {
  it('writes an activity line in the worker shape, keeping Temporal ids and Segflow’s, without the task token', () => {
    const { lines, temporal } = capture('debug');
    temporal.debug('Activity completed', {
      sdkComponent: 'worker',
      taskToken: 'dG9rZW4=',
      activityType: 'deliverTouch',
      workflowId: 'playbook-run-m-1-p-1',
      workflowRunId: 'temporal-run-1',
      workflowType: 'playbookRunWorkflow',
      runId: 'segflow-run-1',
      durationMs: 12,
    });
    expect(lines).toEqual([
      {
        level: 'debug',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        service: 'worker',
        pid: process.pid,
        msg: 'Activity completed',
        sdkComponent: 'worker',
        activityType: 'deliverTouch',
        workflowId: 'playbook-run-m-1-p-1',
        workflowRunId: 'temporal-run-1',
        workflowType: 'playbookRunWorkflow',
        runId: 'segflow-run-1',
        durationMs: 12,
      },
    ]);
  });

  it('names a workflow line’s Temporal run id workflowRunId, so runId always means Segflow’s run', () => {
    const { lines, temporal } = capture('info');
    temporal.info('Workflow completed', { workflowId: 'w-1', runId: 'temporal-run-2', workflowType: 'leadIntake' });
    expect(lines[0]).toMatchObject({ workflowId: 'w-1', workflowRunId: 'temporal-run-2' });
    expect(lines[0]).not.toHaveProperty('runId');
  });

  it('serialises an error with its message and stack under err', () => {
    const { lines, temporal } = capture('info');
    temporal.warn('Activity failed', { activityType: 'deliverTouch', error: new Error('SMTP 451') });
    expect(lines[0]).toMatchObject({
      level: 'warn',
      err: { message: 'SMTP 451', stack: expect.stringContaining('Error: SMTP 451') },
    });
  });

  it('honours the level: below it nothing is written', () => {
    const { lines, temporal } = capture('info');
    temporal.debug('Activity started', {});
    temporal.trace('poll', {});
    temporal.log('ERROR', 'core failed', { sdkComponent: 'core' });
    expect(lines.map((line) => [line.level, line.msg])).toEqual([['error', 'core failed']]);
  });
});
