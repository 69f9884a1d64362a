import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { describeError } from './describe-error';

const t = ((key: string) => key) as unknown as TFunction;

describe('describeError', () => {
  it('when the server shed the request (503 overloaded), then the person is told it is busy, not that loading failed', () => {
    const busy = new ApiError({ status: 503, code: 'overloaded', message: 'x', retryAfter: 1 });
    expect(describeError(busy, t)).toBe('errors.busy');
  });

  it('when another 5xx failed, then it reads as a failed load', () => {
    const failed = new ApiError({ status: 500, code: 'internal', message: 'x' });
    expect(describeError(failed, t)).toBe('errors.loadFailed');
  });
});
