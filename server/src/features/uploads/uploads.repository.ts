import type { Prisma, PrismaClient } from '@gridgov/db';
import type { Upload } from '@gridgov/shared';
import { AppError } from '../../lib/errors';

export const uploadSelect = {
  id: true,
  ownerId: true,
  caseId: true,
  mime: true,
  size: true,
  width: true,
  height: true,
} satisfies Prisma.UploadSelect;

export type UploadRow = Prisma.UploadGetPayload<{ select: typeof uploadSelect }>;

export function toUploadDto(row: Pick<UploadRow, 'id' | 'mime' | 'size' | 'width' | 'height'>): Upload {
  return {
    id: row.id,
    url: `/api/uploads/${row.id}`,
    thumbUrl: `/api/uploads/${row.id}/thumb`,
    mime: row.mime as Upload['mime'],
    size: row.size,
    width: row.width,
    height: row.height,
  };
}

export function insertUpload(
  prisma: PrismaClient,
  data: Pick<
    Prisma.UploadUncheckedCreateInput,
    'id' | 'ownerId' | 'mime' | 'size' | 'width' | 'height' | 'sha256'
  >,
) {
  return prisma.upload.create({ data, select: uploadSelect });
}

/** Photos the person uploaded in the last day that no case uses yet. */
export function countPendingUploads(prisma: PrismaClient, ownerId: string, since: Date): Promise<number> {
  return prisma.upload.count({ where: { ownerId, caseId: null, createdAt: { gte: since } } });
}

export function findUpload(prisma: PrismaClient, id: string) {
  return prisma.upload.findUnique({ where: { id }, select: uploadSelect });
}

/** Just what the scope check on an attached photo needs. */
export function findCaseScopeKey(prisma: PrismaClient, caseId: string) {
  return prisma.case.findUnique({
    where: { id: caseId },
    select: { gridId: true, townId: true, reporterId: true, assigneeId: true },
  });
}

/**
 * Attaches photos to a case inside the caller's transaction. The conditional update is atomic: of
 * two cases racing for the same photo, the second finds `caseId` already set and fails, and the
 * thrown error rolls the caller's transaction back.
 */
export async function claimUploads(
  tx: Prisma.TransactionClient,
  options: { ids: string[]; ownerId: string; caseId: string },
): Promise<void> {
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) return;
  const { count } = await tx.upload.updateMany({
    where: { id: { in: ids }, ownerId: options.ownerId, caseId: null },
    data: { caseId: options.caseId },
  });
  if (count === ids.length) return;
  const claimed = await tx.upload.findMany({
    where: { id: { in: ids }, caseId: options.caseId },
    select: { id: true },
  });
  const claimedIds = new Set(claimed.map((row) => row.id));
  throw new AppError('unprocessable', 'Some photos are not yours, unknown, or already used', {
    reason: 'photos_unavailable',
    photoIds: ids.filter((id) => !claimedIds.has(id)),
  });
}
