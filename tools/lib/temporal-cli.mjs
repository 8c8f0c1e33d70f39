import { ensureGoPrograms } from './go-programs.mjs';

// v1.5.1 is the newest CLI tag that `go install pkg@version` accepts (later tags carry a replace directive).
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export const TEMPORAL_CLI = {
  label: 'the Temporal CLI',
  version: TEMPORAL_CLI_VERSION,
  cacheName: 'temporal',
  installHint: 'install it from https://docs.temporal.io/cli#install',
  programs: [{ name: 'temporal', pkg: 'github.com/temporalio/cli/cmd/temporal', envVar: 'SEGFLOW_TEMPORAL_CLI' }],
};

/**
 * Path of a Temporal CLI: SEGFLOW_TEMPORAL_CLI, else `temporal` on PATH, else the cached build, else a fresh
 * `go install`.
 */
export async function ensureTemporalCli(env = process.env) {
  return (await ensureGoPrograms(TEMPORAL_CLI, env)).temporal;
}
