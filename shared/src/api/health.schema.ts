import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  migrations: z.object({ applied: z.number().int(), pending: z.number().int() }),
  /** The demo town's case history: being written after start (演示数据生成中), complete, or none claimed. */
  demoHistory: z.enum(['none', 'generating', 'complete']),
});
export type Health = z.infer<typeof healthSchema>;
