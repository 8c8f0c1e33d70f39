// Request and response shapes of the HTTP API, one definition shared by apps/api (which sends and validates them)
// and apps/web (which reads and sends them): a drift is a compile error on both sides.
export * from './playbooks';
export * from './dashboards';
export * from './sandbox-mail';
export * from './outbox';
export * from './delivery';
export * from './leads';
export * from './lead-imports';
export * from './runs';
export * from './segments';
export * from './next-best-action';
export * from './inbox';
export * from './people';
export * from './whatsapp-sandbox';
export * from './auth';
export * from './ids';
export * from './queries';
export * from './admin';
export * from './audit';
export * from './privacy';
export * from './intent';
export * from './lookalikes';
