import type { Context } from '@temporalio/activity';
import type { ActivityExecuteInput } from '@temporalio/worker';
import { activityLogIds } from './activity-log-ids';

const execute = (args: unknown[]) => ({ args, headers: {} }) as unknown as ActivityExecuteInput;

describe('activityLogIds', () => {
  it('adds the runId and leadId of the activity’s input to its log attributes', async () => {
    const { inbound, outbound } = activityLogIds({} as Context);
    await inbound!.execute!(execute([{ runId: 'r-1', leadId: 'l-1', command: {} }]), async () => 'done');
    expect(outbound!.getLogAttributes!({ workflowId: 'w-1' }, (attributes) => attributes)).toEqual({
      workflowId: 'w-1',
      runId: 'r-1',
      leadId: 'l-1',
    });
  });

  it('adds nothing for an input without them', async () => {
    const { inbound, outbound } = activityLogIds({} as Context);
    await inbound!.execute!(execute([{ leadId: 7 }]), async () => undefined);
    expect(outbound!.getLogAttributes!({ workflowId: 'w-1' }, (attributes) => attributes)).toEqual({
      workflowId: 'w-1',
    });
  });
});
