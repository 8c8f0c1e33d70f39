// Types for the specs (tools/ runs as plain ES modules, without a compile step).
import type { GoTool } from './go-programs.mjs';
export const TEMPORAL_SERVER: GoTool;
export const CONFIG_TEMPLATE: string;
type Rpc = { grpcPort: number; membershipPort: number; httpPort?: number };
export type ServicePorts = Record<'frontend' | 'history' | 'matching' | 'worker', Rpc>;
export function temporalServerConfig(options: { adminUrl: string; ports: ServicePorts; template?: string; dynamicConfigFile?: string }): any;
export function prepareTemporalDatabases(options: { sqlTool: string; adminUrl: string }): Promise<void>;
export function startTemporalPostgresServer(options: { cli: string; adminUrl: string; port: number; stateDir: string; logFile?: number }): Promise<{ address: string; stop(): Promise<void> }>;
