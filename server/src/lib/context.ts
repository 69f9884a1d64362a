import type { DatabaseKind, PrismaClient } from '@gridgov/db';
import type { Config } from './config';
import type { CaseEventBus } from './events';
import type { Logger } from './logger';

/** What services need from the outside world; built once in createApp. */
export interface AppContext {
  prisma: PrismaClient;
  dbKind: DatabaseKind;
  config: Config;
  logger: Logger;
  /** Migration names found in prisma/migrations when the app started. */
  migrationNames: string[];
  /** Committed case changes, for the live map (GET /api/events). */
  events: CaseEventBus;
}
