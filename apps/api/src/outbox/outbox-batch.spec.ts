import { deliveriesOf } from './outbox-batch';

describe('deliveriesOf', () => {
  const isEvent = (row: string) => row.startsWith('ev');
  it('batches each run of consecutive batchable rows and keeps every other row alone, in order', () => {
    expect(deliveriesOf(['ev1', 'ev2', 'left', 'entered', 'ev3', 'ev4', 'ev5'], isEvent)).toEqual([['ev1', 'ev2'], ['left'], ['entered'], ['ev3', 'ev4', 'ev5']]);
  });

  it('never batches two non-batchable rows together', () => {
    expect(deliveriesOf(['left', 'entered'], isEvent)).toEqual([['left'], ['entered']]);
    expect(deliveriesOf([], isEvent)).toEqual([]);
  });
});
