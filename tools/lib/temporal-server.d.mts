// Types for the specs (tools/ runs as plain ES modules, without a compile step).
export const DYNAMIC_CONFIG_FILE: string;
export function dynamicConfigArgs(file?: string): string[];
