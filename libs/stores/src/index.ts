export * from './queryable';
// st-ingest
export * from './leads.store';
export * from './lead-intakes.store';
