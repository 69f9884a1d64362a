import type { Prisma, PrismaClient } from '@gridgov/db';
import { z } from 'zod';
import { parseStoredJson } from '../../lib/stored-json';

/** The demo history's progress row: written in each batch's transaction, complete at the very end. */
const PROGRESS_KEY = 'demo.history';

const historyProgressSchema = z.object({
  total: z.number().int(),
  batchesDone: z.number().int(),
  isComplete: z.boolean(),
});
export type HistoryProgress = z.infer<typeof historyProgressSchema>;

type Db = PrismaClient | Prisma.TransactionClient;

export async function readHistoryProgress(db: Db): Promise<HistoryProgress | null> {
  const row = await db.setting.findUnique({ where: { key: PROGRESS_KEY }, select: { value: true } });
  return row ? parseStoredJson(historyProgressSchema, row.value, `Setting.value (${PROGRESS_KEY})`) : null;
}

export async function writeHistoryProgress(db: Db, progress: HistoryProgress): Promise<void> {
  const value = { ...progress } satisfies Prisma.InputJsonObject;
  await db.setting.upsert({
    where: { key: PROGRESS_KEY },
    create: { key: PROGRESS_KEY, value },
    update: { value },
  });
}
