import type { Logger } from '../logger';
import type { CaseEventBus } from './case-event-bus';
import { createMemoryBus } from './memory-bus';
import { createPostgresBus } from './postgres-bus';

export type { BusListener, BusMessage, CaseChange, CaseEventBus } from './case-event-bus';

/** PostgreSQL (possibly several instances) → LISTEN/NOTIFY; the embedded database (one process) → memory. */
export function createCaseEventBus(options: {
  databaseUrl: string | undefined;
  logger: Logger;
}): Promise<CaseEventBus> {
  return options.databaseUrl
    ? createPostgresBus({ connectionString: options.databaseUrl, logger: options.logger })
    : Promise.resolve(createMemoryBus(options.logger));
}
