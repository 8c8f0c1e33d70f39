// Types for the specs (tools/ runs as plain ES modules, without a compile step).
import type { ChildProcess } from 'node:child_process';

export const DYNAMIC_CONFIG_FILE: string;
export function dynamicConfigArgs(file?: string): string[];
export function startTemporalDevServer(options: {
  cli: string;
  port: number;
  uiPort?: number;
  dbFile?: string;
  logFile?: number | 'ignore';
}): Promise<{ address: string; process: ChildProcess; stop(): Promise<void> }>;
