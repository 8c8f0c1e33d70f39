// Types for the specs (tools/ runs as plain ES modules, without a compile step).
export interface WorkerReplica {
  name: string;
  env: Record<string, string>;
}
export function workerReplicas(replicas: number, env: Record<string, string | undefined>): WorkerReplica[];
