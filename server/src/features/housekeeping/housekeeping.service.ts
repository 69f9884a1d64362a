// Periodic pruning of rows that only matter for a while: expired sessions, sign-in attempts (the
// throttle looks back minutes; the audit log keeps sign-ins for good), idempotency keys (clients retry
// within minutes), roster import jobs (their rows and error report are needed for minutes, and hold
// personal data), and photos uploaded but never attached to a case. Every statement is idempotent and
// bounded, so several instances may run it at once without harm.
import type { AppContext } from '../../lib/context';
import { KNOWN_DEVICE_DAYS } from '../../lib/cookies';
import { findImageFormatByMime } from '../uploads/image-sniff';
import { buildUploadFileName, removeUploadFiles, resolveUploadDir } from '../uploads/uploads.storage';
import { deleteAbandonedUploads, deleteExpiredRows } from './housekeeping.repository';

const DAY_MS = 86_400_000;
export const RETENTION = {
  loginAttemptsDays: 7,
  idempotencyKeysDays: 7,
  abandonedUploadsHours: 24,
  importJobsDays: 7,
  knownDevicesDays: KNOWN_DEVICE_DAYS,
} as const;
const BATCH = 5_000;

export interface PruneReport {
  sessions: number;
  loginAttempts: number;
  idempotencyKeys: number;
  importJobs: number;
  knownDevices: number;
  uploads: number;
}

export async function pruneExpiredData(ctx: AppContext, now = new Date()): Promise<PruneReport> {
  const rows = await deleteExpiredRows(
    ctx.prisma,
    {
      sessions: now,
      loginAttempts: new Date(now.getTime() - RETENTION.loginAttemptsDays * DAY_MS),
      idempotencyKeys: new Date(now.getTime() - RETENTION.idempotencyKeysDays * DAY_MS),
      importJobs: new Date(now.getTime() - RETENTION.importJobsDays * DAY_MS),
      knownDevices: new Date(now.getTime() - RETENTION.knownDevicesDays * DAY_MS),
    },
    BATCH,
  );
  const uploads = await deleteAbandonedUploads(
    ctx.prisma,
    new Date(now.getTime() - RETENTION.abandonedUploadsHours * 3_600_000),
    BATCH,
  );
  // Files go after the rows are gone (outside any transaction): nothing can point to them any more.
  const names = uploads.flatMap((u) => {
    const format = findImageFormatByMime(u.mime);
    return format
      ? [buildUploadFileName(u.id, format, 'original'), buildUploadFileName(u.id, format, 'thumbnail')]
      : [];
  });
  await removeUploadFiles(resolveUploadDir(ctx.config.UPLOAD_DIR), names);
  return { ...rows, uploads: uploads.length };
}

/** Runs `pruneExpiredData` a minute after start and then hourly; returns a stop function. */
export function scheduleHousekeeping(ctx: AppContext, everyMs = 3_600_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await pruneExpiredData(ctx);
      if (Object.values(report).some((n) => n > 0)) ctx.logger.info({ pruned: report }, 'housekeeping');
    } catch (error) {
      ctx.logger.warn({ err: error }, 'housekeeping failed; will retry at the next run');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, 60_000).unref();
  const timer = setInterval(run, everyMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
