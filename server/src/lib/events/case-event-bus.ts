import type { LiveCaseEvent } from '@gridgov/shared';

/** A committed case change, with who may see it besides the case's territory. */
export interface CaseChange {
  event: LiveCaseEvent;
  /** A case is always visible to its reporter and assignee (docs/decisions/004). */
  reporterId: string;
  assigneeId: string | null;
}

export type BusMessage = { type: 'case'; change: CaseChange } | { type: 'resync' };
export type BusListener = (message: BusMessage) => void;

/**
 * Fans committed case changes out to every live listener of every app instance: in-process on the
 * embedded database, through PostgreSQL LISTEN/NOTIFY otherwise (docs/decisions/009-live-events.md).
 */
export interface CaseEventBus {
  readonly kind: 'memory' | 'postgres';
  /** Call after the transaction has committed. Never rejects: a lost live update must not fail a write. */
  publish: (changes: readonly CaseChange[]) => Promise<void>;
  subscribe: (listener: BusListener) => () => void;
  /** Live listeners in this instance (open event streams). */
  listenerCount: () => number;
  close: () => Promise<void>;
}

/** Delivers to every listener; one throwing listener must not starve the others. */
export function deliver(
  listeners: Iterable<BusListener>,
  message: BusMessage,
  onError: (e: unknown) => void,
) {
  for (const listener of listeners) {
    try {
      listener(message);
    } catch (error) {
      onError(error);
    }
  }
}
