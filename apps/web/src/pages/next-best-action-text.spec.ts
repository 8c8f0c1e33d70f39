import { formatActionEstimate } from './next-best-action-text';

const option = { playbookId: 'p', playbookName: 'Demo push', channel: 'email' } as const;

describe('formatActionEstimate', () => {
  it('shows a lift in signed points with its interval and leads', () => {
    expect(
      formatActionEstimate({ ...option, basis: 'lift', estimate: 0.2, low: -0.0131, high: 0.3339, sampleSize: 150 }),
    ).toBe('conversion +20.0 pts vs holdout (95% CI −1.3 pts to +33.4 pts, 150 leads)');
  });

  it('shows a reply rate with its interval and touches', () => {
    expect(
      formatActionEstimate({
        ...option,
        basis: 'reply_rate',
        estimate: 0.2,
        low: 0.1491,
        high: 0.2626,
        sampleSize: 200,
      }),
    ).toBe('20.0% replies (95% CI 14.9%–26.3%, 200 touches)');
  });
});
