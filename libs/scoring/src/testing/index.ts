export * from './gaussian-blobs';
