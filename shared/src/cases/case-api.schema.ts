import { z } from 'zod';
import { isoDay, isoInstant } from '../api/input-gate';
import { roleSchema, staffRefSchema } from '../api/staff.schema';
import { deadlineStatusSchema } from '../calendar';
import { CASE_EVENT_KINDS, caseActionSchema, casePrioritySchema, caseStatusSchema } from './case-states';

const trimmed = (max: number) => z.string().trim().max(max);

/** Longest texts a case takes (after trimming); forms show a counter against these (issue 13). */
export const CASE_TEXT_LIMITS = { description: 2000, note: 1000, address: 200, residentName: 40 } as const;
export const CHINA_MOBILE = /^1[3-9]\d{9}$/;

export const lonLatSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LonLat = z.infer<typeof lonLatSchema>;

export const createCaseSchema = z
  .object({
    categoryCode: z.string().min(1).max(40),
    description: trimmed(CASE_TEXT_LIMITS.description).min(
      5,
      'describe the problem in at least 5 characters',
    ),
    /** Map pin or the device's position; without it the grid must be chosen. */
    location: lonLatSchema.nullable().default(null),
    gridId: z.uuid().nullable().default(null),
    address: trimmed(CASE_TEXT_LIMITS.address).default(''),
    priority: casePrioritySchema.optional(),
    photoIds: z.array(z.uuid()).max(9).default([]),
    onBehalfOf: z
      .object({
        name: trimmed(CASE_TEXT_LIMITS.residentName).min(1),
        phone: z.string().regex(CHINA_MOBILE, 'a mainland mobile number'),
      })
      .nullable()
      .default(null),
    extra: z.record(z.string(), z.unknown()).default({}),
  })
  .refine((c) => c.location !== null || c.gridId !== null, {
    message: 'give a location (map pin or your position) or choose a grid',
    path: ['location'],
  });
export type CreateCaseInput = z.input<typeof createCaseSchema>;
export type CreateCase = z.infer<typeof createCaseSchema>;

export const caseActionRequestSchema = z.object({
  action: caseActionSchema,
  version: z.number().int().min(0),
  note: trimmed(CASE_TEXT_LIMITS.note).optional(),
  assigneeId: z.uuid().optional(),
  photoIds: z.array(z.uuid()).max(9).optional(),
  /** request_extension: the deadline asked for; approve_extension: optionally a different one. */
  deadline: isoInstant({ offset: true }).optional(),
  duplicateOfId: z.uuid().optional(),
});
export type CaseActionRequest = z.infer<typeof caseActionRequestSchema>;

export const bulkDispatchSchema = z.object({
  assigneeId: z.uuid(),
  cases: z
    .array(z.object({ id: z.uuid(), version: z.number().int().min(0) }))
    .min(1)
    .max(200)
    .refine((cases) => new Set(cases.map((c) => c.id)).size === cases.length, 'each case only once'),
  note: trimmed(CASE_TEXT_LIMITS.note).optional(),
});

const refSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const caseSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: caseStatusSchema,
  priority: casePrioritySchema,
  category: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
  grid: refSchema,
  village: refSchema,
  description: z.string(),
  address: z.string(),
  location: lonLatSchema.nullable(),
  reporter: staffRefSchema,
  assignee: staffRefSchema.nullable(),
  reportedAt: z.string(),
  updatedAt: z.string(),
  deadline: z.string().nullable(),
  deadlineStatus: deadlineStatusSchema.nullable(),
  isEscalated: z.boolean(),
  isOutsideGrid: z.boolean(),
  reworkCount: z.number().int(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const photoSchema = z.object({ id: z.string(), url: z.string(), thumbUrl: z.string() });

export const caseEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(CASE_EVENT_KINDS),
  actor: staffRefSchema,
  at: z.string(),
  fromStatus: caseStatusSchema.nullable(),
  toStatus: caseStatusSchema,
  note: z.string().nullable(),
  assignee: staffRefSchema.nullable(),
  photos: z.array(photoSchema),
  deadline: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  photos: z.array(photoSchema),
  onBehalfOf: z.object({ name: z.string(), phone: z.string() }).nullable(),
  extra: z.record(z.string(), z.unknown()),
  resumeStatus: caseStatusSchema.nullable(),
  pendingExtension: z
    .object({ deadline: z.string(), note: z.string(), requestedBy: staffRefSchema })
    .nullable(),
  escalation: z.object({ note: z.string(), at: z.string(), by: staffRefSchema }).nullable(),
  duplicateOf: z.object({ id: z.string(), number: z.string() }).nullable(),
  allowedActions: z.array(caseActionSchema),
  timeline: z.array(caseEventSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalBool = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
);

export const CASE_SORTS = ['reported_desc', 'reported_asc', 'deadline_asc', 'updated_desc'] as const;

export const caseListQuerySchema = z.object({
  status: z.preprocess(
    (v) => (typeof v === 'string' && v !== '' ? v.split(',') : undefined),
    z.array(caseStatusSchema).optional(),
  ),
  categoryCode: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  gridId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  villageId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  /** A staff id, or `me`. */
  assigneeId: z.preprocess(emptyToUndefined, z.union([z.uuid(), z.literal('me')]).optional()),
  /** Open and late: past the deadline while running, or suspended after it. */
  overdue: optionalBool,
  escalated: optionalBool,
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  from: z.preprocess(emptyToUndefined, isoDay().optional()),
  to: z.preprocess(emptyToUndefined, isoDay().optional()),
  /** Deadline within these local days (both included), e.g. both today for "due today". */
  dueFrom: z.preprocess(emptyToUndefined, isoDay().optional()),
  dueTo: z.preprocess(emptyToUndefined, isoDay().optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(CASE_SORTS).default('reported_desc')),
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseListSchema = z.object({
  items: z.array(caseSummarySchema),
  nextCursor: z.string().nullable(),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const nearbyCasesQuerySchema = z.object({
  categoryCode: z.string().min(1).max(40),
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});

export const uploadSchema = z.object({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
});
export type Upload = z.infer<typeof uploadSchema>;

/** The people a case of one grid may be dispatched or reassigned to (the server's own rule). */
export const caseAssigneesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(roleSchema) })),
});
export type CaseAssignees = z.infer<typeof caseAssigneesSchema>;
