import { LIVE_EVENT_NAMES } from '@gridgov/shared';
import { type Request, type Response, Router } from 'express';
import { requireActor } from '../../lib/auth/middleware';
import { findLiveSession } from '../../lib/auth/sessions';
import type { AppContext } from '../../lib/context';
import { readCookie, SESSION_COOKIE } from '../../lib/cookies';
import type { BusMessage } from '../../lib/events';
import { canHearChange } from './live.service';

/** How long the browser waits before reconnecting after the stream drops (EventSource `retry`). */
const RECONNECT_MS = 3_000;
/** A listener this far behind is too slow to keep up: close it; it reconnects and refetches. */
const MAX_BUFFERED_BYTES = 1 << 20;

function writeEvent(res: Response, name: string, data: unknown): void {
  res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * `GET /api/events`: Server-Sent Events with the case changes the signed-in person may see. The stream
 * re-checks the session on every heartbeat, so signing out or expiry ends it.
 */
function streamEvents(ctx: AppContext, req: Request, res: Response): void {
  const actor = requireActor(req);
  const token = readCookie(req, SESSION_COOKIE) ?? '';
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform: proxies and compression middleware must not buffer or gzip the stream.
    'Cache-Control': 'no-cache, no-transform',
    // nginx buffers proxied responses unless told not to.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true);
  res.write(`retry: ${RECONNECT_MS}\n\n`);

  let isOpen = true;
  const close = () => {
    if (!isOpen) return;
    isOpen = false;
    unsubscribe();
    clearInterval(heartbeat);
    res.end();
  };
  const send = (name: string, data: unknown) => {
    if (!isOpen) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      ctx.logger.warn({ actorId: actor.id }, 'live listener too slow; closing its stream');
      close();
      return;
    }
    writeEvent(res, name, data);
  };
  const unsubscribe = ctx.events.subscribe((message: BusMessage) => {
    if (message.type === 'resync') send(LIVE_EVENT_NAMES.resync, {});
    else if (canHearChange(actor, message.change)) send(LIVE_EVENT_NAMES.case, message.change.event);
  });
  const heartbeat = setInterval(() => {
    if (!isOpen) return;
    res.write(': heartbeat\n\n');
    findLiveSession(ctx, token).then(
      (session) => {
        if (!session) close();
      },
      (error: unknown) => ctx.logger.warn({ err: error }, 'live stream session check failed'),
    );
  }, ctx.config.LIVE_HEARTBEAT_SECONDS * 1000);
  heartbeat.unref();
  req.on('close', close);
  res.on('error', close);
  send(LIVE_EVENT_NAMES.ready, { at: new Date().toISOString() });
}

export function createLiveRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/events', (req, res) => streamEvents(ctx, req, res));
  return router;
}
