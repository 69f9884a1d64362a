import type { ErrorBody } from '@gridgov/shared';
import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { AppError } from './errors';
import type { Logger } from './logger';

interface HttpishError {
  status?: number;
  type?: string;
}

/** Turns a thrown error into AppError; anything unexpected becomes a 500 without leaking details. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError(
      'validation_failed',
      'Invalid request',
      error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const httpish = error as HttpishError;
  if (httpish?.type === 'entity.parse.failed') return new AppError('bad_request', 'Malformed JSON body');
  if (httpish?.type === 'entity.too.large') return new AppError('bad_request', 'Request body too large');
  if (typeof httpish?.status === 'number' && httpish.status >= 400 && httpish.status < 500) {
    return new AppError('bad_request', 'Bad request');
  }
  return new AppError('internal', 'Something went wrong on our side');
}

export function createErrorMiddleware(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const appError = toAppError(error);
    if (appError.code === 'internal') logger.error({ err: error, reqId: req.id }, 'unhandled error');
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    for (const [name, value] of Object.entries(appError.headers ?? {})) res.setHeader(name, value);
    res.status(appError.status).json(body);
  };
}
