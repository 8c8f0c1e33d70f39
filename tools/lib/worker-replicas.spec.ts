import { workerReplicas } from './worker-replicas.mjs';

describe('workerReplicas', () => {
  it('gives each of several workers its own metrics port and Temporal SDK metrics port', () => {
    expect(workerReplicas(3, { WORKER_METRICS_PORT: '9465', TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9464' })).toEqual([
      { name: 'worker-1', env: { WORKER_METRICS_PORT: '9465', TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9464' } },
      { name: 'worker-2', env: { WORKER_METRICS_PORT: '9466', TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9465' } },
      { name: 'worker-3', env: { WORKER_METRICS_PORT: '9467', TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9466' } },
    ]);
  });

  it('shifts only what is set, and leaves port 0 (any free port) to each process', () => {
    expect(workerReplicas(2, { TEMPORAL_METRICS_ADDRESS: 'localhost:9464' }).map((w) => w.env)).toEqual([
      { TEMPORAL_METRICS_ADDRESS: 'localhost:9464' },
      { TEMPORAL_METRICS_ADDRESS: 'localhost:9465' },
    ]);
    expect(workerReplicas(2, { WORKER_METRICS_PORT: '0' }).map((w) => w.env)).toEqual([
      { WORKER_METRICS_PORT: '0' },
      { WORKER_METRICS_PORT: '0' },
    ]);
    expect(workerReplicas(2, {}).map((w) => w.env)).toEqual([{}, {}]);
  });

  it('leaves one worker as configured, under its plain name', () => {
    expect(workerReplicas(1, { WORKER_METRICS_PORT: '9465' })).toEqual([{ name: 'worker', env: {} }]);
  });

  it('refuses ports past 65535 and values without a port, naming the variable', () => {
    expect(() => workerReplicas(2, { WORKER_METRICS_PORT: '65535' })).toThrow(
      /^WORKER_METRICS_PORT: ports 65535…65536/,
    );
    expect(() => workerReplicas(2, { WORKER_METRICS_PORT: 'nine' })).toThrow(/^WORKER_METRICS_PORT=nine/);
    expect(() => workerReplicas(2, { TEMPORAL_METRICS_ADDRESS: '9464' })).toThrow(/^TEMPORAL_METRICS_ADDRESS=9464/);
  });
});
