import { temporalUrlOf } from './run.dto';

describe('temporalUrlOf', () => {
  it('links into the configured UI and namespace, escaping the workflow id', () => {
    expect(temporalUrlOf('playbook-run-1', { baseUrl: 'http://10.0.0.5:18233/', namespace: 'sales prod' })).toBe(
      'http://10.0.0.5:18233/namespaces/sales%20prod/workflows/playbook-run-1',
    );
  });

  it('gives no link without a configured UI or without a workflow (a held-out run)', () => {
    expect(temporalUrlOf('playbook-run-1', { baseUrl: undefined, namespace: 'default' })).toBeNull();
    expect(temporalUrlOf(null, { baseUrl: 'http://127.0.0.1:8233', namespace: 'default' })).toBeNull();
  });
});
