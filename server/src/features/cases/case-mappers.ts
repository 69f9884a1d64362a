import {
  type CaseAction,
  type CaseDetail,
  type CaseSummary,
  classifyDeadline,
  type DeadlineStatus,
  maskPhone,
  type StaffRef,
  type WorkingCalendar,
} from '@gridgov/shared';
import { z } from 'zod';
import { parseStoredJson } from '../../lib/stored-json';
import { toUploadDto } from '../uploads/uploads.repository';
import type { CaseDetailRow, CaseSummaryRow } from './cases.repository';

/** `Case.extra`: the category's extra values, checked against its fields when reported. */
const caseExtraSchema = z.record(z.string(), z.unknown());
/** `CaseEvent.data`: kind-specific; the page reads the deadline an event set (ISO text), if any. */
const eventDataSchema = z.object({ deadline: z.string().nullable().optional() });

export interface MapContext {
  calendar: WorkingCalendar;
  now: Date;
  /** Staff whose phone the viewer may see. */
  visibleStaffIds: ReadonlySet<string>;
}

function ref(staff: StaffRef, visible: ReadonlySet<string>): StaffRef {
  return visible.has(staff.id) ? staff : { ...staff, phone: maskPhone(staff.phone) };
}

const MS_PER_HOUR = 3_600_000;

export function describeDeadline(
  row: Pick<CaseSummaryRow, 'deadline' | 'status' | 'pausedAt' | 'handledAt' | 'slaWorkingMs'>,
  calendar: WorkingCalendar,
  now: Date,
): DeadlineStatus | null {
  if (!row.deadline) return null;
  switch (row.status) {
    case 'reported':
    case 'rejected':
    case 'cancelled':
      return null;
    case 'suspended':
      // Suspending an overdue case does not make it on time.
      return row.pausedAt && row.pausedAt > row.deadline ? 'overdue' : 'paused';
    case 'handled':
    case 'closed':
      return row.handledAt && row.handledAt <= row.deadline ? 'on_time' : 'overdue';
    default: {
      const duration = row.slaWorkingMs
        ? { unit: 'working_hours' as const, amount: Number(row.slaWorkingMs) / MS_PER_HOUR }
        : undefined;
      return classifyDeadline(calendar, { now, deadline: row.deadline, ...(duration ? { duration } : {}) });
    }
  }
}

export function toCaseSummary(row: CaseSummaryRow, ctx: MapContext): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    priority: row.priority,
    category: row.category,
    grid: row.grid,
    village: row.village,
    description: row.description,
    address: row.address,
    location: row.lon !== null && row.lat !== null ? { lon: row.lon, lat: row.lat } : null,
    reporter: ref(row.reporter, ctx.visibleStaffIds),
    assignee: row.assignee ? ref(row.assignee, ctx.visibleStaffIds) : null,
    reportedAt: row.reportedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deadline: row.deadline?.toISOString() ?? null,
    deadlineStatus: describeDeadline(row, ctx.calendar, ctx.now),
    isEscalated: row.isEscalated,
    isOutsideGrid: row.isOutsideGrid,
    reworkCount: row.reworkCount,
    version: row.version,
  };
}

export interface DetailExtras {
  allowedActions: CaseAction[];
  canSeeResidentPhone: boolean;
  staffById: ReadonlyMap<string, StaffRef>;
  duplicateOf: { id: string; number: string } | null;
}

export function toCaseDetail(row: CaseDetailRow, ctx: MapContext, extras: DetailExtras): CaseDetail {
  const photos = new Map(row.uploads.map((u) => [u.id, toUploadDto(u)]));
  const photo = (id: string) => {
    const dto = photos.get(id);
    return dto ? [{ id: dto.id, url: dto.url, thumbUrl: dto.thumbUrl }] : [];
  };
  const reportPhotos = row.events.find((e) => e.kind === 'report')?.photoIds ?? [];
  const staff = (id: string | null) => {
    const s = id ? extras.staffById.get(id) : undefined;
    return s ? ref(s, ctx.visibleStaffIds) : null;
  };
  return {
    ...toCaseSummary(row, ctx),
    photos: reportPhotos.flatMap(photo),
    onBehalfOf:
      row.onBehalfName && row.onBehalfPhone
        ? {
            name: row.onBehalfName,
            phone: extras.canSeeResidentPhone ? row.onBehalfPhone : maskPhone(row.onBehalfPhone),
          }
        : null,
    extra: parseStoredJson(caseExtraSchema, row.extra, `Case.extra (${row.id})`),
    resumeStatus: row.resumeStatus,
    pendingExtension:
      row.extensionDeadline && row.extensionById
        ? {
            deadline: row.extensionDeadline.toISOString(),
            note: row.extensionNote ?? '',
            requestedBy: staff(row.extensionById)!,
          }
        : null,
    escalation:
      row.isEscalated && row.escalatedAt && row.escalatedById
        ? { note: row.escalationNote ?? '', at: row.escalatedAt.toISOString(), by: staff(row.escalatedById)! }
        : null,
    duplicateOf: extras.duplicateOf,
    allowedActions: extras.allowedActions,
    timeline: row.events.map((e) => ({
      id: e.id,
      seq: e.seq,
      kind: e.kind as CaseDetail['timeline'][number]['kind'],
      actor: ref(e.actor, ctx.visibleStaffIds),
      at: e.createdAt.toISOString(),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      assignee: e.assignee ? ref(e.assignee, ctx.visibleStaffIds) : null,
      photos: e.photoIds.flatMap(photo),
      deadline: parseStoredJson(eventDataSchema, e.data, `CaseEvent.data (${e.id})`).deadline ?? null,
    })),
  };
}
