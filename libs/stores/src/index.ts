export * from './queryable';
export * from './outbox.store';
