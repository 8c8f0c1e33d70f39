export * from './event-types';
export * from './is-pricing-page';
export * from './validators';
export * from './lead-input-schema';
export * from './event-input-schema';
export * from './format-issues';
