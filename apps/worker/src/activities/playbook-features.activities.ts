import type { CommandResult } from '@segflow/playbook';
import { currentFeatures } from '@segflow/scoring/features';
import { findFeatureInputs, rowsOf } from '@segflow/stores';
import type { ReadLeadFeaturesInput } from '@segflow/workflow-contracts';
import { ApplicationFailure } from '@temporalio/activity';
import type { Pool } from 'pg';

/** Reads a lead's features as the ingest pipeline keeps them, for a branch that is about to evaluate. */
export function createPlaybookFeaturesActivities({ pool }: { pool: Pool }) {
  return {
    /** The features the branch reads (only those, to keep the history small), at the run's `now`. */
    async readLeadFeatures({ command, now }: ReadLeadFeaturesInput): Promise<CommandResult> {
      const inputs = await findFeatureInputs(rowsOf(pool), command.leadId);
      // The lead was deleted under the run: retrying cannot help, the branch decides on the run's copy.
      if (!inputs) throw ApplicationFailure.nonRetryable(`lead ${command.leadId} not found`, 'LeadNotFound');
      const all: Record<string, number> = currentFeatures(inputs.state, inputs, new Date(now));
      const features = Object.fromEntries(
        command.names.filter((name) => name in all).map((name) => [name, all[name]!]),
      );
      return { kind: 'leadFeatures', features };
    },
  };
}
