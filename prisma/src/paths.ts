import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The prisma/ folder: schema.prisma and migrations/ live here. */
export const PRISMA_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
