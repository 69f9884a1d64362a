import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { shouldRetryQuery } from './query-client';

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
