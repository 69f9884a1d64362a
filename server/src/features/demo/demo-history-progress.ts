import type { Prisma, PrismaClient } from '@gridgov/db';

/** The demo history's progress row: written in each batch's transaction, complete at the very end. */
const PROGRESS_KEY = 'demo.history';

export interface HistoryProgress {
  total: number;
  batchesDone: number;
  isComplete: boolean;
}

type Db = PrismaClient | Prisma.TransactionClient;

export async function readHistoryProgress(db: Db): Promise<HistoryProgress | null> {
  const row = await db.setting.findUnique({ where: { key: PROGRESS_KEY }, select: { value: true } });
  return (row?.value as HistoryProgress | undefined) ?? null;
}

export async function writeHistoryProgress(db: Db, progress: HistoryProgress): Promise<void> {
  const value = { ...progress } satisfies Prisma.InputJsonObject;
  await db.setting.upsert({
    where: { key: PROGRESS_KEY },
    create: { key: PROGRESS_KEY, value },
    update: { value },
  });
}
