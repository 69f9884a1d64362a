import type { CreateCase } from '@gridgov/shared';
import { useCallback, useState } from 'react';
import { enqueueOutboxItem, OutboxFullError } from '@/lib/outbox/outbox';
import { startOutboxSync } from '@/lib/outbox/outbox-sync';
import { createUuid } from '@/lib/uuid';
import type { PhotoUploads } from './use-photo-uploads';

export type QueueProblem = { kind: 'full'; limitMb: number } | { kind: 'unavailable' };

/**
 * Puts a report the network could not take into the outbox (decision 025): the request as validated,
 * the photos already uploaded by id, the others as the shrunk files, under the Idempotency-Key an
 * online attempt may already have used.
 */
export function useReportOutbox(photos: PhotoUploads) {
  const [isQueueing, setIsQueueing] = useState(false);
  const [problem, setProblem] = useState<QueueProblem | null>(null);
  const { getFiles } = photos;

  const queue = useCallback(
    async (input: CreateCase, idempotencyKey?: string): Promise<boolean> => {
      setIsQueueing(true);
      setProblem(null);
      try {
        await enqueueOutboxItem({
          kind: 'report',
          path: '/api/cases',
          body: input,
          photoField: 'photoIds',
          photos: getFiles(['deferred', 'failed']),
          label: input.description,
          idempotencyKey: idempotencyKey ?? createUuid(),
        });
        startOutboxSync();
        return true;
      } catch (error) {
        setProblem(
          error instanceof OutboxFullError
            ? { kind: 'full', limitMb: Math.round(error.limitBytes / 1024 / 1024) }
            : { kind: 'unavailable' },
        );
        return false;
      } finally {
        setIsQueueing(false);
      }
    },
    [getFiles],
  );

  return { queue, isQueueing, problem };
}
