import type { Prisma, PrismaClient } from '@gridgov/db';

/** The global client or a transaction's client: repositories accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;
