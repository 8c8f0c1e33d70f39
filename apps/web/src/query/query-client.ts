import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';

/** At most this many retries of a failed read: a network blip or a 5xx, never a 4xx (asking again changes nothing). */
export const MAX_QUERY_RETRIES = 2;

/** Whether a failed query is worth another try. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < MAX_QUERY_RETRIES;
}

/**
 * The app's one cache of server data. Data counts as fresh for 10 s (lists refetch on focus after that); the
 * inbox stream and mutations invalidate what they change.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
