// Types for the specs (tools/ runs as plain ES modules, without a compile step).
import type { GoTool } from './go-programs.mjs';
export const TEMPORAL_SERVER: GoTool;
export const CONFIG_TEMPLATE: string;
type Rpc = { grpcPort: number; membershipPort: number; httpPort?: number };
export type ServicePorts = Record<'frontend' | 'history' | 'matching' | 'worker', Rpc>;
/** The parts of the server's YAML config the specs read. */
export interface TemporalServerConfig {
  persistence: { datastores: Record<string, unknown> };
  services: Record<keyof ServicePorts, { rpc: Rpc & { bindOnLocalHost: boolean } }>;
  clusterMetadata: { clusterInformation: { active: { rpcAddress: string } } };
  dynamicConfigClient: { filepath: string };
}
export function temporalServerConfig(options: {
  adminUrl: string;
  ports: ServicePorts;
  template?: string;
  dynamicConfigFile?: string;
}): TemporalServerConfig;
export function prepareTemporalDatabases(options: { sqlTool: string; adminUrl: string }): Promise<void>;
export function startTemporalPostgresServer(options: {
  cli: string;
  adminUrl: string;
  port: number;
  stateDir: string;
  logFile?: number;
}): Promise<{ address: string; stop(): Promise<void> }>;
