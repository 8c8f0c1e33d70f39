// Types for the specs (tools/ runs as plain ES modules, without a compile step).
export interface GoProgram {
  name: string;
  pkg: string;
  envVar: string;
}
export interface GoTool {
  label: string;
  version: string;
  cacheName: string;
  installHint: string;
  programs: GoProgram[];
}
export function cacheDirOf(env: Record<string, string | undefined>): string;
export function ensureGoPrograms(
  tool: GoTool,
  env?: Record<string, string | undefined>,
): Promise<Record<string, string>>;
