// The server of bench/overload.ts: the real app exactly as server/src/index.ts builds it, plus a bare
// Express endpoint (the ceiling of one core) and a memory read-out, on the same event loop.
// Run it with --expose-gc so /bare/memory?gc=1 can collect before reading.
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

// PGlite's WebAssembly memory is neither V8 heap nor `external`: find it as modules are instantiated.
const memories: WebAssembly.Memory[] = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (async (...args: Parameters<typeof instantiate>) => {
  const result = (await instantiate(...args)) as
    | WebAssembly.Instance
    | WebAssembly.WebAssemblyInstantiatedSource;
  const instance = 'instance' in result ? result.instance : result;
  for (const value of Object.values(instance.exports)) {
    if (value instanceof WebAssembly.Memory) memories.push(value);
  }
  return result;
}) as typeof instantiate;

const { default: express } = await import('express');
const { createApp } = await import('../server/src/app');
const { prepareDatabase, writeDemoHistoryInBackground } = await import('../server/src/bootstrap');
const { loadConfig } = await import('../server/src/lib/config');
const { createLogger } = await import('../server/src/lib/logger');

const BARE_BODY = {
  items: Array.from({ length: 50 }, (_, i) => ({
    id: `0193a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    number: `2026-${String(i).padStart(6, '0')}`,
    status: 'dispatched',
    description: '村道旁垃圾堆放多日未清运',
    reportedAt: '2026-11-28T04:00:00.000Z',
  })),
  nextCursor: null,
};

const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const config = loadConfig();
const logger = createLogger(config);
const { ctx, db } = await prepareDatabase(config, logger);
// The whole history before the measurement starts (the real server writes it after it listens).
await writeDemoHistoryInBackground(ctx, db);
const app = express();
app.get('/bare', (_req, res) => {
  res.json(BARE_BODY);
});
app.get('/bare/memory', (req, res) => {
  if (req.query.gc && globalThis.gc) globalThis.gc();
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  res.json({
    ...usage,
    wasm: memories.reduce((sum, m) => sum + m.buffer.byteLength, 0),
    spaces,
    load: ctx.load.stats(),
    lagP99Ms: lag.percentile(99) / 1e6,
  });
  if (req.query.reset) lag.reset();
});
app.use(createApp(ctx));
const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`GridGov listening on http://localhost:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));
