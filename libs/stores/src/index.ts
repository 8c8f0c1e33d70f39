export * from './queryable';
// st-ingest
export * from './leads.store';
export * from './lead-intakes.store';
export * from './suppressions.store';
export * from './consent-changes.store';
export * from './events.store';
export * from './lead-features.store';
export * from './ingest-context.store';
export * from './segment-memberships.store';
export * from './segments.store';
export * from './segment-models.store';
export * from './segment-model-centroids.store';
export * from './live-segments.store';
export * from './scoring-leads.store';
export * from './training-leads.store';
