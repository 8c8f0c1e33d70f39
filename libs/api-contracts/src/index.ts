// Response shapes of the HTTP API shared by apps/api (which sends them) and apps/web (which reads them).
export * from './playbooks';
export * from './dashboards';
export * from './sandbox-mail';
export * from './outbox';
export * from './delivery';
