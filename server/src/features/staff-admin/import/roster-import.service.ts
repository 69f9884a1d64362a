// Roster import: upload → dry run (a job checked in the background, progress in the database) →
// commit all rows in one transaction, or none. See docs/decisions/010-roster-administration.md.
import type { ImportCommitResponse, ImportJob, ImportProblem } from '@gridgov/shared';
import type { Actor } from '../../../lib/auth/scope';
import type { AppContext } from '../../../lib/context';
import type { Db } from '../../../lib/db';
import { AppError, notFound } from '../../../lib/errors';
import { uuid7 } from '../../../lib/uuid7';
import { type AuditEntry, recordAudits } from '../../audit/audit.repository';
import { hashActivationCode } from '../../auth/account.service';
import { PASSWORD_UNSET } from '../../auth/auth.service';
import { type AuditSource, assertCanWriteRoster } from '../admin-access';
import { ACTIVATION_DAYS, generateActivationCode } from '../initial-password';
import { type RawSheet, readRosterFile } from './roster-file';
import {
  claimImportJob,
  findGridsOfTowns,
  findImportJob,
  findImportJobRows,
  findTakenPhones,
  findTakenUsernames,
  findVillagesOfTowns,
  insertImportJob,
  insertStaffBatch,
  updateImportJob,
} from './roster-import.repository';
import {
  checkRow,
  collectKeys,
  type ImportRow,
  locateColumns,
  newRowCheckState,
  type RosterLookups,
} from './roster-rows';

const PROGRESS_EVERY = 1000;
/** The poll answer carries the first problems; the downloadable report has every one. */
const PROBLEMS_SHOWN = 200;

type JobRow = NonNullable<Awaited<ReturnType<typeof findImportJob>>>;

function toImportJob(job: JobRow): ImportJob {
  return {
    id: job.id,
    status: job.status as ImportJob['status'],
    fileName: job.fileName,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    problemCount: job.problemCount,
    problems: job.problems.slice(0, PROBLEMS_SHOWN),
    createdCount: job.createdCount,
    message: job.message,
    createdAt: job.createdAt.toISOString(),
  };
}

async function loadLookups(db: Db, townIds: string[], keys: { phones: string[]; usernames: string[] }) {
  const [villages, grids, phones, usernames] = await Promise.all([
    findVillagesOfTowns(db, townIds),
    findGridsOfTowns(db, townIds),
    findTakenPhones(db, keys.phones),
    findTakenUsernames(db, keys.usernames),
  ]);
  const lookups: RosterLookups = {
    villages: villages.map((v) => ({ id: v.id, code: v.code, name: v.name, townId: v.parentId! })),
    grids: new Map(
      grids.map((g) => [
        g.code,
        {
          id: g.id,
          villageId: g.villageId,
          activeWorkerName: g.assignments.find((a) => a.role === 'grid_worker')?.staff.name ?? null,
          activeLeaderName: g.assignments.find((a) => a.role === 'grid_leader')?.staff.name ?? null,
        },
      ]),
    ),
    takenPhones: new Set(phones),
    takenUsernames: new Set(usernames),
  };
  return lookups;
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

async function validateJob(ctx: AppContext, actor: Actor, jobId: string, sheet: RawSheet): Promise<void> {
  const columns = locateColumns(sheet.header);
  const lookups = await loadLookups(ctx.prisma, actor.scope.townIds, collectKeys(sheet, columns));
  const state = newRowCheckState();
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    const result = checkRow(sheet.rows[i]!, i, columns, lookups, state);
    if (result.row) rows.push(result.row);
    problems.push(...result.problems);
    if ((i + 1) % PROGRESS_EVERY === 0) {
      await updateImportJob(ctx.prisma, jobId, { processedRows: i + 1 });
      // Let the progress polls in between.
      await nextTick();
    }
  }
  const isValid = problems.length === 0;
  await updateImportJob(ctx.prisma, jobId, {
    status: isValid ? 'valid' : 'invalid',
    processedRows: sheet.rows.length,
    rows: isValid ? (rows as never) : [],
    problems: problems as never,
    problemCount: problems.length,
  });
}

function runInBackground(ctx: AppContext, jobId: string, work: () => Promise<void>): void {
  void work().catch(async (error: unknown) => {
    const message = error instanceof AppError ? error.message : 'The import stopped on an unexpected error';
    if (!(error instanceof AppError)) ctx.logger.error({ err: error, jobId }, 'roster import failed');
    await updateImportJob(ctx.prisma, jobId, { status: 'failed', message }).catch(() => undefined);
  });
}

/** Reads the file now (a bad file is a 422 at once) and checks its rows in the background. */
export async function startRosterImport(
  ctx: AppContext,
  source: AuditSource,
  file: { name: string; bytes: Buffer },
): Promise<ImportJob> {
  assertCanWriteRoster(source.actor);
  const sheet = await readRosterFile(file.bytes);
  locateColumns(sheet.header);
  const job = await insertImportJob(ctx.prisma, {
    actorId: source.actor.id,
    fileName:
      [...file.name]
        .filter((c) => c.charCodeAt(0) >= 0x20)
        .join('')
        .slice(0, 200) || 'roster',
    totalRows: sheet.rows.length,
  });
  runInBackground(ctx, job.id, () => validateJob(ctx, source.actor, job.id, sheet));
  return toImportJob({ ...job, problems: [] });
}

/** A job is its uploader's: other people get 404 (its existence is not theirs to know). */
export async function loadOwnJob(ctx: AppContext, actor: Actor, jobId: string): Promise<JobRow> {
  assertCanWriteRoster(actor);
  const job = await findImportJob(ctx.prisma, jobId);
  if (!job || job.actorId !== actor.id) throw notFound('Import');
  return job;
}

export async function getImportJob(ctx: AppContext, actor: Actor, jobId: string): Promise<ImportJob> {
  return toImportJob(await loadOwnJob(ctx, actor, jobId));
}

/** What changed in the database since the dry run and now collides with a row. */
async function findNewCollisions(db: Db, actor: Actor, rows: ImportRow[]): Promise<ImportProblem[]> {
  const lookups = await loadLookups(db, actor.scope.townIds, {
    phones: rows.map((r) => r.phone),
    usernames: rows.map((r) => r.username),
  });
  const workerGrids = new Map([...lookups.grids.values()].map((g) => [g.id, g.activeWorkerName]));
  const problems: ImportProblem[] = [];
  for (const r of rows) {
    if (!actor.scope.townIds.includes(r.townId)) {
      problems.push({ row: r.row, column: '所属村', code: 'unknown_village', value: r.villageId });
    }
    if (lookups.takenPhones.has(r.phone))
      problems.push({ row: r.row, column: '手机号', code: 'phone_exists', value: r.phone });
    if (lookups.takenUsernames.has(r.username)) {
      problems.push({ row: r.row, column: '用户名', code: 'username_exists', value: r.username });
    }
    if (r.role === 'grid_worker' && workerGrids.get(r.gridIds[0]!)) {
      problems.push({ row: r.row, column: '网格编码', code: 'grid_has_worker', value: r.gridIds[0]! });
    }
  }
  return problems;
}

/** What the commit stores for people's first sign-in: the hash of each row's activation code. */
interface Activation {
  codeHashByRow: Map<number, string>;
  expiresAt: Date;
}

async function commitJob(ctx: AppContext, source: AuditSource, jobId: string, activation: Activation) {
  const { actor } = source;
  await ctx.prisma.$transaction(
    async (tx) => {
      const rows = await findImportJobRows(tx, jobId);
      const collisions = await findNewCollisions(tx, actor, rows);
      if (collisions.length) {
        await updateImportJob(tx, jobId, {
          status: 'invalid',
          problems: collisions as never,
          problemCount: collisions.length,
          message: 'The roster changed since the check',
        });
        return;
      }
      const now = new Date();
      const staff = rows.map((r) => ({ ...r, id: uuid7(now) }));
      await insertStaffBatch(tx, {
        staff: staff.map((s) => ({
          id: s.id,
          username: s.username,
          name: s.name,
          phone: s.phone,
          // No password until the person activates the account with their code.
          passwordHash: PASSWORD_UNSET,
          isPartyMember: s.isPartyMember,
          regionId: s.townId,
        })),
        roles: staff.map((s) => ({ staffId: s.id, role: s.role, regionId: s.townId })),
        assignments: staff.flatMap((s) =>
          s.gridIds.map((gridId) => ({ staffId: s.id, gridId, role: s.role })),
        ),
        activationCodes: staff.map((s) => ({
          staffId: s.id,
          codeHash: activation.codeHashByRow.get(s.row)!,
          expiresAt: activation.expiresAt,
        })),
      });
      const entries: AuditEntry[] = staff.map((s) => ({
        actorId: actor.id,
        actorName: actor.name,
        action: 'staff.import',
        entity: 'staff',
        entityId: s.id,
        townId: s.townId,
        ip: source.ip,
        after: {
          name: s.name,
          phone: s.phone,
          username: s.username,
          role: s.role,
          gridIds: s.gridIds,
          importId: jobId,
        },
        summary: `${s.name} #${s.row}`,
      }));
      await recordAudits(tx, entries);
      await updateImportJob(tx, jobId, { status: 'committed', createdCount: staff.length, rows: [] });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

/**
 * Starts the commit of a checked job and returns, once, one activation code per account it creates
 * (issue 13: never one password for many people). Only the codes' SHA-256 is stored — they are random
 * (60 bits), single-use, expire, and count against the sign-in throttles — so 10,000 accounts cost no
 * argon2 hashing; each person chooses their own password when they first sign in with their code.
 */
export async function commitRosterImport(
  ctx: AppContext,
  source: AuditSource,
  jobId: string,
): Promise<ImportCommitResponse> {
  const job = await loadOwnJob(ctx, source.actor, jobId);
  if (job.status !== 'valid') {
    throw new AppError('conflict', `The import cannot be committed while it is ${job.status}`, {
      status: job.status,
    });
  }
  const rows = await findImportJobRows(ctx.prisma, jobId);
  const sheet = rows.map((r) => ({
    row: r.row,
    name: r.name,
    username: r.username,
    code: generateActivationCode(),
  }));
  const activation: Activation = {
    codeHashByRow: new Map(sheet.map((s) => [s.row, hashActivationCode(s.code)])),
    expiresAt: new Date(Date.now() + ACTIVATION_DAYS * 86_400_000),
  };
  if (!(await claimImportJob(ctx.prisma, jobId, 'valid', 'committing'))) {
    throw new AppError('conflict', 'The import is already being committed');
  }
  runInBackground(ctx, jobId, () => commitJob(ctx, source, jobId, activation));
  return {
    job: await getImportJob(ctx, source.actor, jobId),
    activationCodes: sheet,
    activationExpiresAt: activation.expiresAt.toISOString(),
  };
}
