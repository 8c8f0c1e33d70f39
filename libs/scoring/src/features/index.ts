// Feature states and vectors without the rest of the lib: a separate entry, so the retrain worker thread, which
// decodes 100k leads into vectors while the API waits, does not first load zod and the event schemas (~0.1 s).
export * from '../feature-state';
export * from '../icp-config';
export * from '../feature-vector';
export * from '../lead-feature-row';
