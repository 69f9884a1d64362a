import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from './logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

declare module 'express-serve-static-core' {
  interface Request {
    /** The caller's well-formed X-Request-Id, or a new one; echoed in the answer and in every log line. */
    id?: string;
  }
}

/**
 * A request id on every request and one log line per answered request at `info` (none for the health
 * probe). It replaces pino-http, which built a child logger and its serializers for every request even
 * when nothing was logged: ~5% of a signed-in request's server time (issue 21). Below `info` this costs
 * a header and an id.
 */
export function requestLog(logger: Logger, options: { skip: (url: string) => boolean }): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    if (logger.isLevelEnabled('info') && !options.skip(req.url)) {
      const started = process.hrtime.bigint();
      const method = req.method;
      const url = req.originalUrl;
      const remoteAddress = req.socket.remoteAddress;
      const done = (completed: boolean) => () => {
        const responseTime = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
        const line = {
          reqId: id,
          req: { method, url, remoteAddress },
          res: { statusCode: res.statusCode },
          responseTime,
        };
        if (!completed) logger.warn(line, 'request aborted');
        else if (res.statusCode >= 500) logger.error(line, 'request errored');
        else logger.info(line, 'request completed');
      };
      const finished = done(true);
      const aborted = done(false);
      res.once('finish', () => {
        res.off('close', onClose);
        finished();
      });
      const onClose = () => {
        if (!res.writableFinished) aborted();
      };
      res.once('close', onClose);
    }
    next();
  };
}
