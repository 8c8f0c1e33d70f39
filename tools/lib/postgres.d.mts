// Types for the specs (tools/ runs as plain ES modules, without a compile step).
export function ensureDatabase(adminUrl: string, database: string): Promise<void>;
