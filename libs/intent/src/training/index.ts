export * from './corpus';
export * from './train-intent-model';
export * from './evaluate-intents';
export * from './cross-validate';
export * from './serialise-intent-model';
export * from './corpus-files';
export * from './held-out';
