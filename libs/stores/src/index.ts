export * from './queryable';
export * from './outbox.store';
export * from './run-targets.store';
