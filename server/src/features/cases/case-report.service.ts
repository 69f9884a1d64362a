// 上报: creating a case, with Idempotency-Key support so a retried submission never makes two.
import { type CaseDetail, type CreateCase, extraFieldListSchema, validateExtraValues } from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { parseStoredJson } from '../../lib/stored-json';
import { findReportableCategory } from '../categories/categories.repository';
import { locateGrid } from '../grids/grid-locator';
import { findGridScopeKey } from '../grids/grids.repository';
import { publishCaseChanges } from '../live/live.service';
import { recordNewCaseStats } from '../stats/stats-tracking';
import { claimUploads } from '../uploads/uploads.repository';
import { getCaseDetail } from './case-view.service';
import { findIdempotencyKey, insertReportedCase } from './cases.repository';
import { hashRequest, isUniqueViolation } from './idempotency';

const CHINA_YEAR_OFFSET_MS = 8 * 3_600_000;

async function resolveCategory(ctx: AppContext, input: CreateCase) {
  const category = await findReportableCategory(ctx.sql, input.categoryCode);
  if (!category?.isActive || category.hasChildren) {
    throw new AppError('unprocessable', 'Choose an active case category (a sub-category, not a group)', {
      reason: 'category_not_reportable',
      categoryCode: input.categoryCode,
    });
  }
  const fields = parseStoredJson(
    extraFieldListSchema,
    category.fields,
    `Category.fields (${input.categoryCode})`,
  );
  const problems = validateExtraValues(fields, input.extra);
  if (Object.keys(problems).length)
    throw new AppError('validation_failed', 'Some extra fields are invalid', { extra: problems });
  return category;
}

async function resolvePlace(ctx: AppContext, input: CreateCase) {
  if (input.location) {
    const located = await locateGrid(ctx, [input.location.lon, input.location.lat]);
    if (!located) throw new AppError('unprocessable', 'No grids are configured yet', { reason: 'no_grids' });
    return located;
  }
  const grid = await findGridScopeKey(ctx.prisma, input.gridId!);
  if (!grid)
    throw new AppError('unprocessable', 'Unknown grid', { reason: 'unknown_grid', gridId: input.gridId });
  return { gridId: grid.id, townId: grid.townId, villageId: grid.villageId, isOutsideGrid: false, meters: 0 };
}

export async function reportCase(
  ctx: AppContext,
  actor: Actor,
  options: { input: CreateCase; idempotencyKey?: string | undefined },
): Promise<{ created: boolean; detail: CaseDetail }> {
  const { input, idempotencyKey } = options;
  const requestHash = hashRequest(input);
  const replay = async () => {
    const existing = idempotencyKey ? await findIdempotencyKey(ctx.sql, actor.id, idempotencyKey) : null;
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      // The earlier report is the person's own: name it, so the form can offer to open it.
      throw new AppError('unprocessable', 'This Idempotency-Key was used for a different report', {
        reason: 'idempotency_key_reused',
        caseId: existing.caseId,
      });
    }
    return { created: false, detail: await getCaseDetail(ctx, actor, existing.caseId) };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const category = await resolveCategory(ctx, input);
  const place = await resolvePlace(ctx, input);
  // Anyone may report in the towns they work in (a hazard in the neighbouring grid included), not elsewhere.
  if (!actor.scope.memberTownIds.includes(place.townId)) {
    throw forbidden('You can report only in the town you work in');
  }
  const now = new Date();
  try {
    const caseId = await ctx.prisma.$transaction(async (tx) => {
      const row = await insertReportedCase(tx, {
        townId: place.townId,
        year: new Date(now.getTime() + CHINA_YEAR_OFFSET_MS).getUTCFullYear(),
        categoryId: category.id,
        gridId: place.gridId,
        villageId: place.villageId,
        priority: input.priority ?? category.defaultPriority,
        description: input.description,
        address: input.address,
        lon: input.location?.lon ?? null,
        lat: input.location?.lat ?? null,
        isOutsideGrid: place.isOutsideGrid,
        reporterId: actor.id,
        onBehalfName: input.onBehalfOf?.name ?? null,
        onBehalfPhone: input.onBehalfOf?.phone ?? null,
        extra: input.extra,
        reportedAt: now,
        event: {
          note: place.isOutsideGrid
            ? `outside every grid: nearest grid ${Math.round(place.meters)} m away`
            : null,
          photoIds: input.photoIds,
        },
        idempotency: idempotencyKey ? { key: idempotencyKey, requestHash } : null,
      });
      if (input.photoIds.length)
        await claimUploads(tx, { ids: input.photoIds, ownerId: actor.id, caseId: row.id });
      await recordNewCaseStats(tx, row);
      return row.id;
    });
    await publishCaseChanges(ctx, 'created', [caseId]);
    return { created: true, detail: await getCaseDetail(ctx, actor, caseId) };
  } catch (error) {
    // A concurrent request with the same key won the race: answer with its case.
    if (idempotencyKey && isUniqueViolation(error)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}
