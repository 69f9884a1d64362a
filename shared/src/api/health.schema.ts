import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  migrations: z.object({ applied: z.number().int(), pending: z.number().int() }),
});
export type Health = z.infer<typeof healthSchema>;
