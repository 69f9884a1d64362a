import { liveCaseEventSchema } from '@gridgov/shared';
import pg from 'pg';
import { z } from 'zod';
import type { Logger } from '../logger';
import { type BusListener, type CaseChange, type CaseEventBus, deliver } from './case-event-bus';

/** One channel for every town: listeners filter by scope, and NOTIFY is cheap at these rates. */
export const CASE_CHANNEL = 'gridgov_case_changes';
export const LISTENER_APPLICATION_NAME = 'gridgov-live-listener';
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

const changeSchema = z.object({
  event: liveCaseEventSchema,
  reporterId: z.string(),
  assigneeId: z.string().nullable(),
});

/**
 * Every instance on one PostgreSQL database LISTENs on one dedicated connection and NOTIFYs through a
 * second one, after the case transaction has committed; so each instance (this one included) hears every
 * change once. When the listening connection drops it reconnects with backoff and tells its listeners to
 * resync, since notifications sent meanwhile are lost.
 */
export async function createPostgresBus(options: {
  connectionString: string;
  logger: Logger;
  /** Names the listening connection in pg_stat_activity. */
  applicationName?: string;
}): Promise<CaseEventBus> {
  const { connectionString, logger, applicationName = LISTENER_APPLICATION_NAME } = options;
  const listeners = new Set<BusListener>();
  const onListenerError = (error: unknown) => logger.error({ err: error }, 'live listener failed');
  const notifier = new pg.Pool({ connectionString, max: 1, application_name: 'gridgov-live-notify' });
  notifier.on('error', (error) => logger.warn({ err: error }, 'live notify connection failed'));

  let client: pg.Client | null = null;
  let isClosed = false;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  function handleNotification(message: pg.Notification) {
    if (message.channel !== CASE_CHANNEL || !message.payload) return;
    let change: CaseChange;
    try {
      change = changeSchema.parse(JSON.parse(message.payload));
    } catch (error) {
      logger.warn({ err: error }, 'ignored a malformed live notification');
      return;
    }
    deliver([...listeners], { type: 'case', change }, onListenerError);
  }

  function scheduleReconnect(broken: pg.Client) {
    if (isClosed || client !== broken) return;
    client = null;
    broken.removeAllListeners('notification');
    void broken.end().catch(() => {});
    logger.warn({ retryMs }, 'live listener lost its database connection; reconnecting');
    retryTimer = setTimeout(reconnectLoop, retryMs);
  }

  function reconnectLoop() {
    if (isClosed) return;
    void connect(true).catch((error: unknown) => {
      logger.warn({ err: error }, 'live listener reconnect failed');
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      retryTimer = setTimeout(reconnectLoop, retryMs);
    });
  }

  async function connect(isReconnect: boolean) {
    const next = new pg.Client({
      connectionString,
      application_name: applicationName,
      keepAlive: true,
    });
    // Attach before connecting: an error while idle must not crash the process.
    next.on('error', (error) => {
      logger.warn({ err: error }, 'live listener connection error');
      scheduleReconnect(next);
    });
    next.on('end', () => scheduleReconnect(next));
    next.on('notification', handleNotification);
    try {
      await next.connect();
      await next.query(`LISTEN ${CASE_CHANNEL}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => {});
      await next.end().catch(() => {});
      throw error;
    }
    if (isClosed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    retryMs = RETRY_MIN_MS;
    if (isReconnect) {
      logger.info('live listener reconnected');
      deliver([...listeners], { type: 'resync' }, onListenerError);
    }
  }

  await connect(false);

  return {
    kind: 'postgres',
    publish: async (changes) => {
      if (changes.length === 0) return;
      try {
        await notifier.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
          CASE_CHANNEL,
          changes.map((change) => JSON.stringify(change)),
        ]);
      } catch (error) {
        logger.error({ err: error }, 'live notify failed');
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listenerCount: () => listeners.size,
    close: async () => {
      isClosed = true;
      clearTimeout(retryTimer);
      listeners.clear();
      const current = client;
      client = null;
      await Promise.all([current?.end().catch(() => {}), notifier.end().catch(() => {})]);
    },
  };
}
