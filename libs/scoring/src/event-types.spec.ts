import { EVENT_TYPES } from './event-types';

describe('EVENT_TYPES', () => {
  it('lists 16 distinct types', () => {
    expect(new Set(EVENT_TYPES).size).toBe(16);
  });
});
