export * from './contact-channels';
export * from './feature-names';
export * from './event-vocabulary';
export * from './event-type-queries';
