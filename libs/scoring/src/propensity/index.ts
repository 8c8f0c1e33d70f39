export * from './logistic-regression';
export * from './calibration';
export * from './classifier-metrics';
export * from './propensity-samples';
export * from './train-propensity';
