import { findUnsafeInput, type UnsafeInput } from '@gridgov/shared';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';

// The server side of the one input gate (shared/src/api/input-gate.ts, docs/decisions/016): before any
// route runs, the path, every query parameter and a JSON body are refused whole with a 400 naming the
// field when they carry what no field may hold. Routes that parse multipart bodies call
// `assertSafeInput` on the fields they read.

function refuse(found: UnsafeInput): AppError {
  return new AppError('validation_failed', `Invalid request: ${found.message}`, [
    { path: found.path, message: found.message },
  ]);
}

/** Throws a 400 naming the field when `value` holds a control character, a lone surrogate, … */
export function assertSafeInput(value: unknown, where: readonly string[] = []): void {
  const found = findUnsafeInput(value, where);
  if (found) throw refuse(found);
}

function decodedPath(rawPath: string): string | null {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return null;
  }
}

/** Express middleware: the gate for the path, the query and a parsed JSON body. */
export function checkInput(req: Request, _res: Response, next: NextFunction): void {
  const path = decodedPath(req.path);
  if (path === null) {
    next(new AppError('bad_request', 'Malformed percent-encoding in the path'));
    return;
  }
  const found =
    findUnsafeInput(path, ['path']) ??
    findUnsafeInput(req.query) ??
    (req.body === undefined ? null : findUnsafeInput(req.body));
  next(found ? refuse(found) : undefined);
}
