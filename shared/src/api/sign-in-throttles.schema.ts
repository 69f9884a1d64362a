import { z } from 'zod';

/**
 * Sign-in throttles as admins see them (docs/decisions/016): the counters with failed sign-ins in the
 * current window — a username from unknown browsers, a client address, one known device.
 */
export const SIGN_IN_THROTTLE_KINDS = ['username', 'address', 'device'] as const;
export const signInThrottleKindSchema = z.enum(SIGN_IN_THROTTLE_KINDS);
export type SignInThrottleKind = z.infer<typeof signInThrottleKindSchema>;

export const signInThrottleSchema = z.object({
  kind: signInThrottleKindSchema,
  /** The username, the address, or the known device's id. */
  key: z.string(),
  /** The person the username or device belongs to, when it is one of ours. */
  staff: z.object({ id: z.uuid(), name: z.string(), username: z.string() }).nullable(),
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.string(),
  /** When sign-in opens again for this counter; null when it is open now. */
  lockedUntil: z.string().nullable(),
});
export type SignInThrottle = z.infer<typeof signInThrottleSchema>;

export const signInThrottleListSchema = z.object({
  windowMinutes: z.number().int().positive(),
  items: z.array(signInThrottleSchema),
});
export type SignInThrottleList = z.infer<typeof signInThrottleListSchema>;

export const clearSignInThrottleSchema = z.object({
  kind: signInThrottleKindSchema,
  key: z.string().trim().min(1).max(200),
});
export type ClearSignInThrottle = z.infer<typeof clearSignInThrottleSchema>;

export const clearSignInThrottleResultSchema = z.object({ cleared: z.number().int().nonnegative() });
