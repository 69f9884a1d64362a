import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { queryRetryDelay, shouldRetryQuery } from './query-client';

describe('shouldRetryQuery', () => {
  it('when a query fails with a 4xx, then it is not retried', () => {
    for (const status of [400, 401, 403, 404, 429]) {
      expect(shouldRetryQuery(0, new ApiError({ status, code: 'bad_request', message: 'x' }))).toBe(false);
    }
  });

  it('when a query fails with a 5xx or a network error, then it is retried twice', () => {
    const serverError = new ApiError({ status: 503, code: 'unavailable', message: 'x' });
    const networkError = new ApiError({ status: 0, code: 'network', message: 'x' });
    expect([0, 1, 2].map((count) => shouldRetryQuery(count, serverError))).toEqual([true, true, false]);
    expect(shouldRetryQuery(0, networkError)).toBe(true);
  });
});

describe('queryRetryDelay', () => {
  it('when the server sent Retry-After (503 overloaded), then the retry waits that long plus under half a second', () => {
    const busy = new ApiError({ status: 503, code: 'overloaded', message: 'x', retryAfter: 2 });
    expect(queryRetryDelay(0, busy, () => 0)).toBe(2000);
    expect(queryRetryDelay(1, busy, () => 0.999)).toBe(2499);
  });

  it('when there is no Retry-After, then the delay doubles from one second', () => {
    const networkError = new ApiError({ status: 0, code: 'network', message: 'x' });
    expect([0, 1, 2].map((count) => queryRetryDelay(count, networkError))).toEqual([1000, 2000, 4000]);
  });
});
