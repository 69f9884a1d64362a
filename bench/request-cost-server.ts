// The server of bench/request-cost.ts: the real app as server/src/index.ts builds it, plus, on the same
// event loop, the two floors it is compared with and a read-out of the process's own figures:
//   GET /bare/hello   bare Express JSON ({ hello: 'world' }): the framework's floor
//   GET /bare/list    bare Express + the driver running the case list's own statement (captured from the
//                     app's first list request, prepared by name, rows sent as JSON, no auth): the
//                     database's floor for that page
//   GET /bare/stats   process.cpuUsage(), process.memoryUsage() and PGlite's WebAssembly memory (?gc=1 first
//                     collects garbage; run with --expose-gc)
// The bench starts it pinned to one core (taskset) and drives it from another process on the other core.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import type { SqlStatement } from '@gridgov/db';

// WebAssembly memories exported by modules as they are instantiated (Prisma's query compiler, PGlite's
// initdb), held weakly so the read-out never keeps one alive. PGlite's own memory is created outside and
// imported: it shows in `external`.
const memories: WeakRef<WebAssembly.Memory>[] = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (async (...args: Parameters<typeof instantiate>) => {
  const result = (await instantiate(...args)) as
    | WebAssembly.Instance
    | WebAssembly.WebAssemblyInstantiatedSource;
  const instance = 'instance' in result ? result.instance : result;
  for (const value of Object.values(instance.exports)) {
    if (value instanceof WebAssembly.Memory) memories.push(new WeakRef(value));
  }
  return result;
}) as typeof instantiate;

const { default: express } = await import('express');
const { default: pg } = await import('pg');
const { createApp } = await import('../server/src/app');
const { prepareDatabase, writeDemoHistoryInBackground } = await import('../server/src/bootstrap');
const { loadConfig } = await import('../server/src/lib/config');
const { createLogger } = await import('../server/src/lib/logger');

const config = loadConfig();
const logger = createLogger(config);
const { ctx, db } = await prepareDatabase(config, logger);
// The whole demo history before measuring (the real server writes it after it listens).
if (config.SEED_DEMO) await writeDemoHistoryInBackground(ctx, db);

// The list page's statement, as the app runs it: the longest statement of the first list request.
let listStatement: SqlStatement | null = null;
let capturing = false;
const appQuery = ctx.sql.query.bind(ctx.sql);
ctx.sql.query = (<T>(statement: SqlStatement): Promise<T[]> => {
  if (capturing && (!listStatement || statement.text.length > listStatement.text.length)) {
    listStatement = statement;
  }
  return appQuery<T>(statement);
}) as typeof ctx.sql.query;

// On PostgreSQL the floor uses its own node-postgres pool (same size as the app's), one named prepared
// statement; on PGlite there is no other driver than the instance the app holds, so its floor is that
// instance through the same one-exchange client the app uses (decision 014).
const pool = config.DATABASE_URL
  ? new pg.Pool({ connectionString: config.DATABASE_URL, max: config.DB_POOL_SIZE })
  : null;
async function runList(): Promise<unknown[]> {
  if (!listStatement) throw new Error('no list statement captured yet: GET /bare/capture first');
  if (pool) {
    const result = await pool.query({
      name: 'bench_list_page',
      text: listStatement.text,
      values: listStatement.values as unknown[],
    });
    return result.rows;
  }
  return appQuery(listStatement);
}

const app = express();
app.disable('x-powered-by');
app.get('/bare/hello', (_req, res) => {
  res.json({ hello: 'world' });
});
app.get('/bare/list', async (_req, res) => {
  res.json(await runList());
});
app.post('/bare/capture', (req, res) => {
  capturing = req.query.on === '1';
  res.json({ captured: listStatement ? listStatement.text.length : 0 });
});
// CPU profiles of a stretch of load (BENCH_PROFILE in bench/request-cost.ts): the V8 inspector in-process.
const inspector = new Session();
inspector.connect();
app.post('/bare/profile/start', async (_req, res) => {
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
  await inspector.post('Profiler.start');
  res.json({ profiling: true });
});
app.post('/bare/profile/stop', async (req, res) => {
  const { profile } = await inspector.post('Profiler.stop');
  const file = String(req.query.file);
  writeFileSync(file, JSON.stringify(profile));
  res.json({ file });
});
app.get('/bare/stats', (req, res) => {
  if (req.query.gc && globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
  }
  res.json({
    cpu: process.cpuUsage(),
    memory: process.memoryUsage(),
    wasm: memories.reduce((sum, m) => sum + (m.deref()?.buffer.byteLength ?? 0), 0),
  });
});
app.use(createApp(ctx));
const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`GridGov listening on http://localhost:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void Promise.all([pool?.end(), ctx.events.close(), db.close()]).finally(() => process.exit(0));
});
