import { isoDay } from '@gridgov/shared';
import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Express `trust proxy`: false (socket address), true, a hop count, or a list of addresses/subnets. */
const trustProxy = z.string().transform((v): boolean | number | string => {
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  return /^\d+$/.test(v) ? Number(v) : v;
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  /** How often the embedded database gathers statistics and clears dead rows (it has no autovacuum); 0: only at start. */
  PGLITE_MAINTENANCE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** The embedded database's page cache inside the process (PostgreSQL's shared_buffers; PGlite's default is 128MB). */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d{1,6}(kB|MB|GB)$/, 'a size such as 32MB (kB, MB or GB)')
    .default('32MB'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Named prepared statements for the hot reads; turn off behind a transaction-mode PgBouncer. */
  DB_PREPARED_STATEMENTS: boolean.default(true),
  MIGRATE_ON_START: boolean.default(true),
  SEED_DEMO: boolean.default(true),
  DEMO_PASSWORD: z.string().min(8).default('GridGov@2026'),
  DEMO_HISTORY_CASES: z.coerce.number().int().min(0).max(100_000).default(3000),
  /** The day the demo history ends (at 16:00 China time); unset: the moment it is seeded (issue 22). */
  DEMO_ANCHOR: isoDay()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: trustProxy.default(false),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  LOGIN_MAX_FAILURES_PER_USERNAME: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAP_TILE_URL: z.string().default(''),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  MAP_CENTER: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'must be "lat,lon"')
    .default('21.90,110.30'),
  MAP_ZOOM: z.coerce.number().min(1).max(20).default(12),
  CLIENT_DIST: z.string().optional(),
  /** Comment lines on the live stream (GET /api/events) keep proxies from closing it as idle. */
  LIVE_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(300).default(20),
  UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Photos a person may hold uploaded but not yet attached to a case (unattached ones go after 24 h). */
  UPLOAD_MAX_PENDING: z.coerce.number().int().min(1).max(10_000).default(60),
  /** Database-bound API requests one instance works on at once; more wait in a short queue (load shedding). */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(8),
  /** Requests that may wait for a slot; beyond it the answer is 503 `overloaded` with Retry-After. */
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(16),
  /** How long a request may wait for a slot before it is shed with 503. */
  QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(250),
  /** Shed a request that reaches the API this long into one busy turn of the event loop; 0: never. */
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(200),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at boot; fails listing every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}
