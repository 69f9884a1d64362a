export { DataDirLockedError } from './data-dir-lock';
export {
  type Database,
  type DatabaseKind,
  type DatabaseOptions,
  DEFAULT_MAINTENANCE_INTERVAL_MS,
  MEMORY_DIR,
  openDatabase,
} from './database';
export * from './generated/client';
export {
  applyPendingMigrations,
  createMigration,
  diffMigrationsToSchema,
  findUnappliedMigrations,
  isEmptyDiff,
  type MigrationStatus,
  readMigrationList,
  readMigrationStatus,
  resetDatabase,
} from './migrations';
export { hashPassword, verifyPassword } from './passwords';
export { type MaintenanceReport, maintenanceDue } from './pglite-maintenance';
export { CATEGORY_TREE, LEAF_CATEGORY_CODES } from './seed/categories';
export { createRandom } from './seed/demo-people';
export { DEFAULT_DEMO_PASSWORD, type SeedResult, seedDemo } from './seed/demo-seed';
export { ensureReferenceData, WORKING_HOURS_SETTING } from './seed/reference-data';
export {
  MAX_PGLITE_PREPARED_STATEMENTS,
  MAX_PREPARED_STATEMENTS,
  type SqlClient,
  type SqlStatement,
} from './sql-client';
