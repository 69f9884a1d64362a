import type { Database, DatabaseKind, PrismaClient, SqlClient } from '@gridgov/db';
import type { Config } from './config';
import type { CaseEventBus } from './events';
import type { Logger } from './logger';

/** What services need from the outside world; built once in createApp. */
export interface AppContext {
  prisma: PrismaClient;
  /** Reads on the driver for the hottest paths (session, case list page); everything else uses Prisma. */
  sql: SqlClient;
  dbKind: DatabaseKind;
  config: Config;
  logger: Logger;
  /** Migration names found in prisma/migrations when the app started. */
  migrationNames: string[];
  /** Committed case changes, for the live map (GET /api/events). */
  events: CaseEventBus;
}

/** The context over an opened database: its Prisma client, its read fast path and its kind. */
export function createAppContext(
  db: Database,
  rest: Omit<AppContext, 'prisma' | 'sql' | 'dbKind'>,
): AppContext {
  return { prisma: db.prisma, sql: db.sql, dbKind: db.kind, ...rest };
}
