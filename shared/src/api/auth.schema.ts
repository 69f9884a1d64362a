import { z } from 'zod';
import { roleSchema } from './staff.schema';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const csrfResponseSchema = z.object({ token: z.string() });

/**
 * What a signed-in person may see. `county` and `town` levels cover whole regions (`regionIds`);
 * `grids` covers only `gridIds` (empty for the region levels, which can hold thousands of grids).
 * `bbox` ([minLon, minLat, maxLon, maxLat]) is what the map fits on load; `homeGridId` is the grid
 * a grid worker or patroller lands on.
 */
export const scopeSchema = z.object({
  level: z.enum(['county', 'town', 'grids']),
  regionIds: z.array(z.string()),
  gridIds: z.array(z.string()),
  homeGridId: z.string().nullable(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export type Scope = z.infer<typeof scopeSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  scope: scopeSchema,
  /** Signed in with a password an admin gave out: nothing else works until a new one is chosen. */
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;
