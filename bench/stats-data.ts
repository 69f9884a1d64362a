// Large synthetic data for the statistics benchmarks, on PostgreSQL, generated inside the database
// (INSERT … SELECT generate_series, no row crosses the wire), then StatsDaily rebuilt from the cases.
// Run: npx tsx bench/stats-data.ts <preset> [database-url] [--stats-only]
//   --stats-only keeps the data and only rebuilds StatsDaily (after its layout changed).
//   1m          1,000,000 cases over 2,000 grids (25 towns × 8 villages × 10 grids)  → gridgov_bench_1m
//   10k         10,000 cases over the same 2,000 grids                               → gridgov_bench_10k
//   85k-grids   85,000 grids (500 towns × 10 villages × 17 grids), 100,000 cases   → gridgov_bench_85k
// The database is dropped and re-created. Cases carry their projection (status, times, deadline,
// rework, escalation) but no timeline rows: the statistics read only the projection (plus suspend
// events, which these cases do not have). Every account's password is TEST_PASSWORD.
import { performance } from 'node:perf_hooks';
import { applyPendingMigrations, ensureReferenceData, hashPassword, openDatabase } from '@gridgov/db';
import { TEST_PASSWORD } from '@gridgov/db/testing';
import pg from 'pg';
import { rebuildStats } from '../server/src/features/stats/stats-rebuild';

export interface StatsDataPreset {
  database: string;
  towns: number;
  villagesPerTown: number;
  gridsPerVillage: number;
  cases: number;
}

export const PRESETS: Record<string, StatsDataPreset> = {
  '1m': {
    database: 'gridgov_bench_1m',
    towns: 25,
    villagesPerTown: 8,
    gridsPerVillage: 10,
    cases: 1_000_000,
  },
  '10k': { database: 'gridgov_bench_10k', towns: 25, villagesPerTown: 8, gridsPerVillage: 10, cases: 10_000 },
  '85k-grids': {
    database: 'gridgov_bench_85k',
    towns: 500,
    villagesPerTown: 10,
    gridsPerVillage: 17,
    cases: 100_000,
  },
};

/** The history ends here: two years of cases before it, a backlog in the last six weeks. */
export const DATA_END = '2026-11-28 04:00:00'; // 12:00 Beijing, stored as UTC like Prisma does
const COUNTY_CODE = '990100';
const CASE_CHUNK = 100_000;

export const benchUsers = {
  admin: 'bench_admin',
  townLeader: 'bench_town001',
  gridWorker: `bw${COUNTY_CODE}001001001`,
};

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('bench')) {
    throw new Error(`the database is dropped and re-created: its name must contain "bench" (got "${name}")`);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Deterministic uniform [0, 1) from an integer and a salt, in SQL. */
const rnd = (expr: string, salt: number) =>
  `((hashint4((${expr})::int + ${salt * 7919}) & 2147483647)::float8 / 2147483648.0)`;

async function createNet(client: pg.Client, preset: StatsDataPreset, passwordHash: string): Promise<void> {
  const { towns, villagesPerTown: v, gridsPerVillage: g } = preset;
  await client.query(
    `INSERT INTO "Region" (id, code, name, level) VALUES (gen_random_uuid(), '${COUNTY_CODE}', '基准县', 'county')`,
  );
  await client.query(`
    INSERT INTO "Region" (id, code, name, level, "parentId")
    SELECT gen_random_uuid(), '${COUNTY_CODE}' || lpad(t::text, 3, '0'), '基准镇' || t, 'town', c.id
    FROM "Region" c, generate_series(1, ${towns}) t WHERE c.code = '${COUNTY_CODE}'`);
  await client.query(`
    INSERT INTO "Region" (id, code, name, level, kind, "parentId")
    SELECT gen_random_uuid(), t.code || lpad(v::text, 3, '0'), t.name || '第' || v || '村', 'village', '村委会', t.id
    FROM "Region" t, generate_series(1, ${v}) v WHERE t.level = 'town' AND t.code LIKE '${COUNTY_CODE}%'`);
  // 0.01° squares on a lattice 300 wide.
  await client.query(`
    INSERT INTO "Grid" (id, code, name, "villageId", "townId", boundary, "minLon", "minLat", "maxLon", "maxLat", "areaSqm", households, population, "updatedAt")
    SELECT gen_random_uuid(), code, name, "villageId", "townId",
      jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
        jsonb_build_array(lon, lat), jsonb_build_array(lon + 0.01, lat), jsonb_build_array(lon + 0.01, lat + 0.01),
        jsonb_build_array(lon, lat + 0.01), jsonb_build_array(lon, lat)))),
      lon, lat, lon + 0.01, lat + 0.01, 1155000, 100 + k % 200, 300 + k % 900, now()
    FROM (
      SELECT vi.code || lpad(g::text, 3, '0') AS code, vi.name || '第' || g || '网格' AS name, vi.id AS "villageId",
        vi."parentId" AS "townId", k, 100 + (k % 300) * 0.01 AS lon, 20 + (k / 300) * 0.01 AS lat
      FROM (SELECT vi.*, row_number() OVER (ORDER BY vi.code) - 1 AS vk FROM "Region" vi
            WHERE vi.level = 'village' AND vi.code LIKE '${COUNTY_CODE}%') vi,
        generate_series(1, ${g}) g, LATERAL (SELECT (vi.vk * ${g} + g - 1)::int AS k) kk
    ) x`);
  // A worker per grid, a leader per village, a leader per town, an admin for the county.
  await client.query(
    `
    INSERT INTO "Staff" (id, username, name, phone, "passwordHash", "regionId", "updatedAt")
    SELECT gen_random_uuid(), 'bw' || g.code, '网格员' || g.code, '13800000000', $1, g."townId", now() FROM "Grid" g`,
    [passwordHash],
  );
  await client.query(`
    INSERT INTO "GridAssignment" (id, "gridId", "staffId", role)
    SELECT gen_random_uuid(), g.id, s.id, 'grid_worker' FROM "Grid" g JOIN "Staff" s ON s.username = 'bw' || g.code`);
  await client.query(
    `
    INSERT INTO "Staff" (id, username, name, phone, "passwordHash", "regionId", "updatedAt")
    SELECT gen_random_uuid(), 'bl' || v.code, '网格长' || v.code, '13800000000', $1, v."parentId", now()
    FROM "Region" v WHERE v.level = 'village' AND v.code LIKE '${COUNTY_CODE}%'`,
    [passwordHash],
  );
  await client.query(`
    INSERT INTO "GridAssignment" (id, "gridId", "staffId", role)
    SELECT gen_random_uuid(), g.id, s.id, 'grid_leader' FROM "Grid" g JOIN "Region" v ON v.id = g."villageId" JOIN "Staff" s ON s.username = 'bl' || v.code`);
  await client.query(`
    INSERT INTO "StaffRole" (id, "staffId", role, "regionId")
    SELECT gen_random_uuid(), a."staffId", a.role, g."townId" FROM "GridAssignment" a JOIN "Grid" g ON g.id = a."gridId"
    ON CONFLICT DO NOTHING`);
  await client.query(
    `
    INSERT INTO "Staff" (id, username, name, phone, "passwordHash", "regionId", "updatedAt")
    SELECT gen_random_uuid(), 'bench_town' || right(t.code, 3), '镇领导' || t.code, '13800000000', $1, t.id, now()
    FROM "Region" t WHERE t.level = 'town' AND t.code LIKE '${COUNTY_CODE}%'`,
    [passwordHash],
  );
  await client.query(`
    INSERT INTO "StaffRole" (id, "staffId", role, "regionId")
    SELECT gen_random_uuid(), s.id, 'town_leader', s."regionId" FROM "Staff" s WHERE s.username LIKE 'bench_town%'`);
  await client.query(
    `
    INSERT INTO "Staff" (id, username, name, phone, "passwordHash", "regionId", "updatedAt")
    SELECT gen_random_uuid(), '${benchUsers.admin}', '县管理员', '13800000000', $1, c.id, now() FROM "Region" c WHERE c.code = '${COUNTY_CODE}'`,
    [passwordHash],
  );
  await client.query(`
    INSERT INTO "StaffRole" (id, "staffId", role, "regionId")
    SELECT gen_random_uuid(), s.id, 'admin', s."regionId" FROM "Staff" s WHERE s.username = '${benchUsers.admin}'`);
}

async function createCases(client: pg.Client, preset: StatsDataPreset): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE bench_grid AS
    SELECT (row_number() OVER (ORDER BY g.code) - 1)::int AS k, g.id, g."villageId", g."townId", a."staffId"
    FROM "Grid" g JOIN "GridAssignment" a ON a."gridId" = g.id AND a.role = 'grid_worker';
    CREATE UNIQUE INDEX ON bench_grid (k);
    CREATE TEMP TABLE bench_category AS
    SELECT (row_number() OVER (ORDER BY code) - 1)::int AS k, id FROM "Category" WHERE "parentId" IS NOT NULL;
    CREATE UNIQUE INDEX ON bench_category (k);`);
  const { rows } = await client.query<{ grids: number; categories: number }>(
    `SELECT (SELECT count(*) FROM bench_grid)::int AS grids, (SELECT count(*) FROM bench_category)::int AS categories`,
  );
  const { grids, categories } = rows[0]!;
  for (let start = 1; start <= preset.cases; start += CASE_CHUNK) {
    const end = Math.min(preset.cases, start + CASE_CHUNK - 1);
    const began = performance.now();
    // Fates: 4 % rejected, 2 % cancelled after acceptance; the rest accepted and worked, closed unless
    // in the six-week backlog (a quarter of recent cases stay open) or not yet verified at the end.
    await client.query(`
      INSERT INTO "Case" (id, "townId", number, "categoryId", "gridId", "villageId", status, description,
        "reporterId", "assigneeId", "reportedAt", "acceptedAt", "handledAt", "closedAt", "slaWorkingMs", deadline,
        "reworkCount", "isEscalated", "escalatedAt", version, "updatedAt")
      SELECT gen_random_uuid(), g."townId", 'B' || i, c.id, g.id, g."villageId",
        (CASE WHEN fate < 0.04 THEN 'rejected' WHEN fate < 0.06 THEN 'cancelled'
              WHEN backlog THEN 'in_progress' WHEN closed_at > end_at THEN 'handled' ELSE 'closed' END)::"CaseStatus",
        '基准数据', g."staffId", CASE WHEN fate < 0.04 THEN NULL ELSE g."staffId" END, reported,
        CASE WHEN fate < 0.04 THEN NULL ELSE accepted END,
        CASE WHEN fate < 0.06 OR backlog THEN NULL ELSE handled END,
        CASE WHEN fate < 0.06 OR backlog OR closed_at > end_at THEN NULL ELSE closed_at END,
        CASE WHEN fate < 0.04 THEN NULL ELSE 70200000 END,
        CASE WHEN fate < 0.04 THEN NULL ELSE accepted + interval '3 days' END,
        CASE WHEN fate >= 0.06 AND NOT backlog AND ${rnd('i', 6)} < 0.1 THEN 1 ELSE 0 END,
        escalate, CASE WHEN escalate THEN accepted + interval '1 day' END, 3, reported
      FROM generate_series(${start}, ${end}) i,
      LATERAL (SELECT timestamp '${DATA_END}' AS end_at,
                      timestamp '${DATA_END}' - ${rnd('i', 1)} * interval '730 days' AS reported,
                      ${rnd('i', 3)} AS fate) a,
      LATERAL (SELECT reported + (0.5 + ${rnd('i', 4)} * 5.5) * interval '1 hour' AS accepted,
                      reported > end_at - interval '42 days' AND ${rnd('i', 5)} < 0.25 AS backlog) b,
      LATERAL (SELECT accepted + ${rnd('i', 7)} * interval '5 days' AS handled) h,
      LATERAL (SELECT handled + interval '6 hours' AS closed_at,
                      fate >= 0.04 AND ${rnd('i', 8)} < 0.05 AND accepted + interval '1 day' < end_at AS escalate) d,
      bench_grid g, bench_category c
      WHERE g.k = (hashint4(i + 17) & 2147483647) % ${grids} AND c.k = (hashint4(i + 29) & 2147483647) % ${categories}`);
    log(`cases ${start}–${end} (${((performance.now() - began) / 1000).toFixed(1)} s)`);
  }
}

type Step = (name: string, run: () => Promise<unknown>) => Promise<void>;

/** Re-creates the database and fills it with the preset's net and cases (no statistics yet). */
async function createNetAndCases(url: string, preset: StatsDataPreset, step: Step): Promise<void> {
  await step('create and migrate', async () => {
    await recreateDatabase(url);
    const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
    try {
      await applyPendingMigrations(db.adapterFactory());
      await ensureReferenceData(db.prisma);
    } finally {
      await db.close();
    }
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const passwordHash = await hashPassword(TEST_PASSWORD);
    await step('regions, grids, staff', () => createNet(client, preset, passwordHash));
    await step(`${preset.cases} cases`, () => createCases(client, preset));
    await step('analyze', () => client.query('VACUUM ANALYZE'));
  } finally {
    await client.end();
  }
}

/**
 * Creates the database for a preset and fills it, or with `statsOnly` rebuilds the statistics of an
 * existing one (after the statistics' layout changed); returns the seconds each step took.
 */
export async function generateStatsData(
  url: string,
  preset: StatsDataPreset,
  options: { statsOnly?: boolean } = {},
): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const step: Step = async (name, run) => {
    const began = performance.now();
    await run();
    seconds[name] = Number(((performance.now() - began) / 1000).toFixed(1));
    log(`${name}: ${seconds[name]} s`);
  };
  if (!options.statsOnly) await createNetAndCases(url, preset, step);
  await step('rebuild StatsDaily', async () => {
    const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
    try {
      log(JSON.stringify(await rebuildStats(db.prisma)));
    } finally {
      await db.close();
    }
  });
  const after = new pg.Client({ connectionString: url });
  await after.connect();
  try {
    await step('vacuum analyze StatsDaily', () => after.query('VACUUM ANALYZE "StatsDaily"'));
    const { rows } = await after.query(
      `SELECT (SELECT count(*) FROM "Case")::int AS cases, (SELECT count(*) FROM "Grid")::int AS grids,
              (SELECT count(*) FROM "StatsDaily")::int AS "statsRows",
              pg_size_pretty(pg_total_relation_size('"StatsDaily"')) AS "statsSize",
              pg_size_pretty(pg_total_relation_size('"Case"')) AS "caseSize"`,
    );
    log(JSON.stringify(rows[0]));
  } finally {
    await after.end();
  }
  return seconds;
}

export function presetUrl(
  preset: StatsDataPreset,
  base = process.env.BENCH_PG_BASE ?? 'postgresql://postgres@127.0.0.1:5432',
): string {
  return `${base}/${preset.database}`;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const name = process.argv[2] ?? '';
  const preset = PRESETS[name];
  if (!preset) {
    console.error(
      `usage: npx tsx bench/stats-data.ts <${Object.keys(PRESETS).join('|')}> [database-url] [--stats-only]`,
    );
    process.exit(2);
  }
  const statsOnly = process.argv.includes('--stats-only');
  const url = process.argv.slice(3).find((arg) => !arg.startsWith('--')) ?? presetUrl(preset);
  log(`${statsOnly ? 'rebuilding the statistics of' : 'generating'} ${name} in ${url}`);
  const seconds = await generateStatsData(url, preset, { statsOnly });
  log(`done: ${JSON.stringify(seconds)}`);
}
