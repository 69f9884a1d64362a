import type { Logger } from '../logger';
import { type BusListener, type CaseEventBus, deliver } from './case-event-bus';

/** One process, one database (PGlite): listeners are called on the next turn of the event loop. */
export function createMemoryBus(logger: Logger): CaseEventBus {
  const listeners = new Set<BusListener>();
  const onError = (error: unknown) => logger.error({ err: error }, 'live listener failed');
  return {
    kind: 'memory',
    publish: async (changes) => {
      for (const change of changes) {
        setImmediate(() => deliver([...listeners], { type: 'case', change }, onError));
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listenerCount: () => listeners.size,
    close: async () => listeners.clear(),
  };
}
