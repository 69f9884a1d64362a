import type { CaseDetail, CreateCase } from '@gridgov/shared';
import { useCallback, useRef } from 'react';
import { isApiError } from '@/lib/api-client';
import { createUuid } from '@/lib/uuid';
import { useCreateCase } from '../api/create-case';

/** The server refused the request outright (bad input, no permission): nothing was created. */
function isDefinitiveRefusal(error: unknown): boolean {
  return isApiError(error) && [400, 403, 422].includes(error.status);
}

/**
 * Sends a report with an Idempotency-Key. The key lives until the report is known to be created or
 * refused: after a network error or a 5xx the outcome is unknown, so a retry reuses the key and the
 * server answers with the case the first attempt may have created, instead of creating a second one.
 */
export function useReportSubmit(
  onCreated: (detail: CaseDetail) => void,
  /** No answer at all (no network): the caller queues the report under the same key. */
  onUnreachable?: (input: CreateCase, idempotencyKey: string) => void,
) {
  const keyRef = useRef<string | null>(null);
  const createMutation = useCreateCase();
  const { mutate } = createMutation;

  const submit = useCallback(
    (input: CreateCase) => {
      keyRef.current ??= createUuid();
      const idempotencyKey = keyRef.current;
      mutate(
        { input, idempotencyKey },
        {
          onSuccess: (detail) => {
            keyRef.current = null;
            onCreated(detail);
          },
          onError: (error) => {
            if (isDefinitiveRefusal(error)) keyRef.current = null;
            if (onUnreachable && isApiError(error) && error.code === 'network') {
              keyRef.current = null;
              onUnreachable(input, idempotencyKey);
            }
          },
        },
      );
    },
    [mutate, onCreated, onUnreachable],
  );

  return { submit, isPending: createMutation.isPending, error: createMutation.error };
}
