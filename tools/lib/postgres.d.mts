// Types for the specs (tools/ runs as plain ES modules, without a compile step).
export function ensureDatabase(adminUrl: string, database: string): Promise<void>;
export function startEmbeddedPostgres(options: { dataDir?: string; port: number; quiet?: boolean }): Promise<{ adminUrl: string; dataDir: string; stop(): Promise<void> }>;
