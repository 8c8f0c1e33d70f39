import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/**
 * Adds Segflow's ids from an activity's input (its one object argument: `runId`, `leadId`, where it has them) to
 * every line the SDK and the activity log about it, beside Temporal's workflow id and run id.
 *
 * @example
 * Worker.create({ ..., interceptors: { activity: [activityLogIds] } });
 */
export const activityLogIds: ActivityInterceptorsFactory = () => {
  let ids: Record<string, string> = {};
  return {
    inbound: {
      execute(input, next) {
        ids = idsOf(input.args[0]);
        return next(input);
      },
    },
    outbound: {
      getLogAttributes: (attributes, next) => next({ ...attributes, ...ids }),
    },
  };
};

function idsOf(input: unknown): Record<string, string> {
  if (typeof input !== 'object' || input === null) return {};
  const { runId, leadId } = input as { runId?: unknown; leadId?: unknown };
  return {
    ...(typeof runId === 'string' ? { runId } : {}),
    ...(typeof leadId === 'string' ? { leadId } : {}),
  };
}
