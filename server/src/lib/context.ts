import type { Database, DatabaseKind, PrismaClient, SqlClient } from '@gridgov/db';
import type { Config } from './config';
import type { CaseEventBus } from './events';
import { createLoadShedder, type LoadShedder } from './load-shedding';
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
  /** The API's bound on work in flight (load shedding); one per instance. */
  load: LoadShedder;
}

/** The context over an opened database: its Prisma client, its read fast path and its kind. */
export function createAppContext(
  db: Database,
  rest: Omit<AppContext, 'prisma' | 'sql' | 'dbKind' | 'load'>,
): AppContext {
  const load = createLoadShedder(rest.config, rest.logger);
  return { prisma: db.prisma, sql: db.sql, dbKind: db.kind, load, ...rest };
}
