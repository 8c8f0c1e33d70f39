// Training pulls in ml-kmeans (and its matrix code): a separate entry, so code that needs only the event taxonomy or
// assignment (the web app, the Temporal workflow bundle, the ingest path) never loads it.
export * from '../fit-kmeans';
export * from '../train-segments';
export * from '../build-segment-model';
