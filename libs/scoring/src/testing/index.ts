export * from './gaussian-blobs';
export * from './demo-rng';
export * from './demo-places';
export * from './demo-archetypes';
export * from './generate-demo-population';
