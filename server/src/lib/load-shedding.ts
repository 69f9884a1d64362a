import { performance } from 'node:perf_hooks';
import type { ErrorBody } from '@gridgov/shared';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from './config';
import { HTTP_STATUS } from './errors';
import type { Logger } from './logger';

/**
 * Paths (under /api) that never wait for a slot: the health check (probes must see a busy instance as
 * alive), sign-in and the CSRF token (people can still get in; the sign-in throttle bounds them), and
 * the live event stream (open for hours, it would hold a slot for nothing). See decision 018.
 */
const EXEMPT = [/^\/health$/, /^\/auth\//, /^\/events$/];
const WARN_EVERY_MS = 10_000;
const TICK_MS = 10;

export interface LoadShedder {
  (req: Request, res: Response, next: NextFunction): void;
  /** Requests working and waiting now (for tests and logs). */
  readonly stats: () => { inFlight: number; queued: number; shed: number };
}

export type LoadSheddingLimits = Pick<
  Config,
  'MAX_CONCURRENT_REQUESTS' | 'MAX_QUEUED_REQUESTS' | 'QUEUE_TIMEOUT_MS' | 'MAX_EVENT_LOOP_DELAY_MS'
>;

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Bounds the work one instance holds: at most MAX_CONCURRENT_REQUESTS API requests run at once, at most
 * MAX_QUEUED_REQUESTS wait (first come, first served) for up to QUEUE_TIMEOUT_MS, and every other one is
 * answered at once with 503 `overloaded` and Retry-After — cheap for us, and a clear signal for the
 * client, instead of a queue of thousands inside the process where every request times out.
 */
export function createLoadShedder(limits: LoadSheddingLimits, logger: Logger): LoadShedder {
  const queue: Waiter[] = [];
  let inFlight = 0;
  let shed = 0;
  let shedSinceWarning = 0;
  let lastWarning = 0;
  const retryAfter = String(Math.max(1, Math.ceil(limits.QUEUE_TIMEOUT_MS / 1000)));
  // When this turn of the event loop began, near enough: the timers phase runs first in each turn.
  // On PGlite a request's queries resolve as microtasks, so one turn may read and finish request
  // after request, each alone — nothing ever waits in the queue; requests wait unread in the socket
  // buffers instead. A request reached after MAX_EVENT_LOOP_DELAY_MS of such a turn is shed.
  let turnStartedAt = performance.now();
  if (limits.MAX_EVENT_LOOP_DELAY_MS > 0) {
    setInterval(() => {
      turnStartedAt = performance.now();
    }, TICK_MS).unref();
  }

  const release = () => {
    const next = queue.shift();
    if (next) {
      // The slot passes to the next waiter (inFlight stays the same) on a later turn of the event loop,
      // not in this one: on PGlite a request's queries resolve as microtasks, so handing over at once
      // would chain every queued request without ever reading a socket or firing a queue timeout,
      // and nothing new could be shed meanwhile.
      clearTimeout(next.timer);
      setImmediate(next.admit);
    } else {
      inFlight--;
    }
  };

  const refuse = (res: Response, reason: string) => {
    shed++;
    shedSinceWarning++;
    const now = Date.now();
    if (now - lastWarning >= WARN_EVERY_MS) {
      logger.warn({ shed: shedSinceWarning, inFlight, queued: queue.length }, `shedding load: ${reason}`);
      lastWarning = now;
      shedSinceWarning = 0;
    }
    const body: ErrorBody = {
      error: { code: 'overloaded', message: 'The server is busy; try again in a moment' },
    };
    res.setHeader('Retry-After', retryAfter);
    res.setHeader('Cache-Control', 'no-store');
    res.status(HTTP_STATUS.overloaded).json(body);
  };

  const shedder = (req: Request, res: Response, next: NextFunction): void => {
    if (EXEMPT.some((pattern) => pattern.test(req.path))) {
      next();
      return;
    }
    const admit = () => {
      // 'close' comes once, after the response is sent or when the client goes away mid-way.
      res.once('close', release);
      next();
    };
    const maxDelay = limits.MAX_EVENT_LOOP_DELAY_MS;
    if (maxDelay > 0 && performance.now() - turnStartedAt > maxDelay + TICK_MS) {
      refuse(res, 'the event loop is behind');
      return;
    }
    if (inFlight < limits.MAX_CONCURRENT_REQUESTS) {
      inFlight++;
      admit();
      return;
    }
    if (queue.length >= limits.MAX_QUEUED_REQUESTS) {
      refuse(res, 'queue full');
      return;
    }
    let isGone = false;
    const waiter: Waiter = {
      admit: () => {
        res.off('close', leave);
        // Gone between the handover and now: pass the slot on.
        if (isGone) release();
        else admit();
      },
      timer: setTimeout(() => {
        res.off('close', leave);
        remove(waiter);
        refuse(res, 'waited too long');
      }, limits.QUEUE_TIMEOUT_MS),
    };
    // A client that gave up while waiting leaves the queue: its slot goes to someone still there.
    const leave = () => {
      isGone = true;
      clearTimeout(waiter.timer);
      remove(waiter);
    };
    res.once('close', leave);
    queue.push(waiter);
  };

  const remove = (waiter: Waiter) => {
    const index = queue.indexOf(waiter);
    if (index >= 0) queue.splice(index, 1);
  };

  return Object.assign(shedder, {
    stats: () => ({ inFlight, queued: queue.length, shed }),
  });
}
