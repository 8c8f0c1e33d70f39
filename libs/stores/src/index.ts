export * from './queryable';
// st-ingest
export * from './leads.store';
export * from './lead-intakes.store';
export * from './suppressions.store';
export * from './consent-changes.store';
export * from './events.store';
export * from './lead-features.store';
export * from './ingest-context.store';
