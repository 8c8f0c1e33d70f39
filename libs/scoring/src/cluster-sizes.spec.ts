import { clusterSizes } from './cluster-sizes';

describe('clusterSizes', () => {
  it('counts rows per cluster, zeros included', () => {
    expect(clusterSizes([0, 2, 2], 3)).toEqual([1, 0, 2]);
  });
});
