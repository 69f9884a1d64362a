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
  const prismaCode =
    (error as { name?: string })?.name === 'PrismaClientKnownRequestError'
      ? String((error as { code: unknown }).code)
      : '';
  // Constraint failures that validation did not catch are the client's mistake, never a 500.
  if (prismaCode === 'P2025') return new AppError('not_found', 'Not found');
  if (prismaCode === 'P2002') return new AppError('conflict', 'That already exists');
  if (prismaCode === 'P2003')
    return new AppError('unprocessable', 'It refers to something that does not exist');
  if (['P2000', 'P2007', 'P2023'].includes(prismaCode)) return new AppError('bad_request', 'Invalid value');
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
    // Server-side failures never show their own message: it may name files, tables or values.
    const message = appError.status >= 500 ? 'Something went wrong on our side' : appError.message;
    if (appError.status >= 500 && error instanceof AppError)
      logger.error({ err: error, reqId: req.id }, 'server error');
    const body: ErrorBody = { error: { code: appError.code, message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    for (const [name, value] of Object.entries(appError.headers ?? {})) res.setHeader(name, value);
    res.status(appError.status).json(body);
  };
}
