import { ApiError } from '../api/http';
import { MAX_QUERY_RETRIES, shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('retries a network failure or a 5xx up to the limit', () => {
    expect(shouldRetry(0, new TypeError('fetch failed'))).toBe(true);
    expect(shouldRetry(MAX_QUERY_RETRIES - 1, new ApiError(503, 'unavailable'))).toBe(true);
    expect(shouldRetry(MAX_QUERY_RETRIES, new ApiError(503, 'unavailable'))).toBe(false);
  });

  it('never retries a 4xx: asking again gets the same answer', () => {
    expect(shouldRetry(0, new ApiError(404, 'not found'))).toBe(false);
    expect(shouldRetry(0, new ApiError(403, 'forbidden'))).toBe(false);
  });
});
