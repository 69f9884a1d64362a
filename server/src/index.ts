import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataDirLockedError } from '@gridgov/db';
import { createApp } from './app';
import { prepareDatabase, writeDemoHistoryInBackground } from './bootstrap';
import { scheduleHousekeeping } from './features/housekeeping/housekeeping.service';
import { ConfigError, loadConfig } from './lib/config';
import { describeListenAddresses } from './lib/listen-addresses';
import { createLogger } from './lib/logger';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
  try {
    prepared = await prepareDatabase(config, logger);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      logger.fatal(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { db, ctx } = prepared;
  const app = createApp(ctx);
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    // The bound port, not the configured one: PORT=0 picks a free port (the crash test does).
    const { port } = server.address() as AddressInfo;
    // Bound to every interface: the addresses a phone on the LAN can use, not only localhost.
    const [first, ...others] = describeListenAddresses(config.HOST, port);
    const also = others.length ? `; on this network also ${others.join(', ')}` : '';
    logger.info(`GridGov listening on ${first} (database: ${db.kind})${also}`);
    // The demo history is written while the server answers; the UI shows 演示数据生成中 meanwhile.
    if (config.SEED_DEMO) void writeDemoHistoryInBackground(ctx, db);
  });

  const stopHousekeeping = scheduleHousekeeping(ctx);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stopHousekeeping();
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      Promise.all([ctx.events.close(), db.close()])
        .catch((error: unknown) => logger.error({ err: error }, 'closing the database failed'))
        .finally(() => {
          clearTimeout(force);
          process.exit(0);
        });
    });
    server.closeAllConnections?.();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
