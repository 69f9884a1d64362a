// Idempotency-Key for the field's writes (reports and case actions): a send repeated after a lost
// answer (the offline outbox retries, issue 14) gets the first answer back instead of a second write.
import { createHash } from 'node:crypto';
import { Prisma } from '@gridgov/db';
import { AppError } from '../../lib/errors';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

/** The header's key, undefined when absent; a 400 when it is malformed. */
export function readIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new AppError(
      'bad_request',
      'Idempotency-Key must be 8–100 characters of letters, digits and _ . : -',
    );
  }
  return header;
}

/** What a key is bound to: the same key with another request is refused, never answered wrongly. */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  // The same violation inside a raw statement (the report's insert is one: decision 014).
  const meta = error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined;
  return error.code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
}
