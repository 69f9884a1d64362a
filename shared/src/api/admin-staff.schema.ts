// Staff roster administration, roster import, coverage check and audit log (issue 6).
import { z } from 'zod';
import { activationSheetRowSchema } from './account.schema';
import { isoDay } from './input-gate';
import { roleSchema, staffItemSchema, staffListQuerySchema, staffStatusSchema } from './staff.schema';

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
/** Lower-case so sign-in (which lower-cases what is typed) always finds the account. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const rosterQuerySchema = staffListQuerySchema.extend({
  isPartyMember: z.enum(['true', 'false', '']).optional(),
  isDisabled: z.enum(['true', 'false', '']).optional(),
});
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

export const rosterItemSchema = staffItemSchema.extend({
  isDisabled: z.boolean(),
  regionId: z.string(),
});
export type RosterItem = z.infer<typeof rosterItemSchema>;

export const rosterPageSchema = z.object({
  items: z.array(rosterItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RosterPage = z.infer<typeof rosterPageSchema>;

/** Region roles are held for the person's town; grid roles come with grid assignments. */
export const createStaffSchema = z.object({
  name: trimmed(40),
  phone: z.string().trim().regex(PHONE_PATTERN),
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN),
  isPartyMember: z.boolean().default(false),
  townId: z.uuid(),
  roles: z.array(roleSchema).max(5).default([]),
});
export type CreateStaffInput = z.infer<typeof createStaffSchema>;

export const updateStaffSchema = z
  .object({
    name: trimmed(40).optional(),
    phone: z.string().trim().regex(PHONE_PATTERN).optional(),
    isPartyMember: z.boolean().optional(),
    /** Only back to active: leaving goes through the handover. */
    status: z.literal('active').optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' });
export type UpdateStaffInput = z.infer<typeof updateStaffSchema>;

export const setRolesSchema = z.object({ roles: z.array(roleSchema).max(5) });
export type SetRolesInput = z.infer<typeof setRolesSchema>;

export const GRID_ROLE_VALUES = ['grid_leader', 'grid_worker', 'patroller'] as const;
export const assignGridSchema = z.object({ gridId: z.uuid(), role: z.enum(GRID_ROLE_VALUES) });
export type AssignGridInput = z.infer<typeof assignGridSchema>;

export const staffDetailSchema = rosterItemSchema.extend({
  createdAt: z.string(),
  /**
   * The viewer administers the person's home town, so may change the account itself: name, phone,
   * roles, password, disabling and handover. Grid posts follow the grid's town instead.
   */
  canEditAccount: z.boolean(),
  history: z.array(
    z.object({
      id: z.string(),
      role: roleSchema,
      grid: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
    }),
  ),
});
export type StaffDetail = z.infer<typeof staffDetailSchema>;

/** A new or reset password: shown to the admin once, never stored in clear. */
export const initialPasswordSchema = z.object({ initialPassword: z.string() });
export const createdStaffSchema = staffDetailSchema.extend({ initialPassword: z.string() });

export const handoverPreviewSchema = z.object({
  staff: z.object({ id: z.string(), name: z.string(), status: staffStatusSchema }),
  cases: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.string(),
      description: z.string(),
      grid: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      /** Who "each grid's leader" mode would give it to (null: the grid has no other active leader). */
      gridLeader: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  grids: z.array(
    z.object({
      assignmentId: z.string(),
      role: roleSchema,
      grid: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      gridLeader: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
export type HandoverPreview = z.infer<typeof handoverPreviewSchema>;

export const handoverSchema = z
  .object({
    /** departed: leaves for good (grids always released); on_leave: away for a while. */
    status: z.enum(['departed', 'on_leave']),
    /** colleague: cases and grids go to one person; grid_leader: each case to its grid's leader. */
    mode: z.enum(['colleague', 'grid_leader']),
    colleagueId: z.uuid().optional(),
    /** Written on every case's timeline. */
    note: trimmed(500),
  })
  .refine((v) => v.mode !== 'colleague' || v.colleagueId, {
    message: 'colleagueId is required in colleague mode',
    path: ['colleagueId'],
  });
export type HandoverInput = z.infer<typeof handoverSchema>;

export const handoverResultSchema = z.object({
  cases: z.array(z.object({ id: z.string(), number: z.string(), assigneeId: z.string() })),
  grids: z.array(z.object({ gridId: z.string(), role: roleSchema, toStaffId: z.string().nullable() })),
});
export type HandoverResult = z.infer<typeof handoverResultSchema>;

// ─── Import ─────────────────────────────────────────────────────────────────────────────────────

/** Template columns, in order. 用户名 is optional (the phone number when empty). */
export const IMPORT_COLUMNS = ['姓名', '手机号', '用户名', '角色', '所属村', '网格编码', '是否党员'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['姓名', '手机号', '角色'];

/** Role names accepted in the 角色 column (Chinese and the API names). */
export const IMPORT_ROLE_NAMES: Record<string, 'town_leader' | 'grid_leader' | 'grid_worker' | 'patroller'> =
  {
    镇领导: 'town_leader',
    网格长: 'grid_leader',
    网格员: 'grid_worker',
    巡防员: 'patroller',
    town_leader: 'town_leader',
    grid_leader: 'grid_leader',
    grid_worker: 'grid_worker',
    patroller: 'patroller',
  };

export const IMPORT_PROBLEM_CODES = [
  'required',
  'formula',
  'bad_phone',
  'bad_username',
  'bad_role',
  'bad_party',
  'too_long',
  'control_character',
  'unknown_village',
  'unknown_grid',
  'grid_not_in_village',
  'grid_count',
  'grid_has_worker',
  'grid_has_leader',
  'duplicate_phone_in_file',
  'duplicate_username_in_file',
  'duplicate_grid_worker_in_file',
  'duplicate_grid_leader_in_file',
  'phone_exists',
  'username_exists',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export const importProblemSchema = z.object({
  /** Spreadsheet row number (the header is row 1). */
  row: z.number().int(),
  column: z.string(),
  code: z.enum(IMPORT_PROBLEM_CODES),
  value: z.string(),
  /** For duplicates inside the file: the row that has the value first. */
  otherRow: z.number().int().optional(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const IMPORT_JOB_STATUSES = [
  'validating',
  'valid',
  'invalid',
  'committing',
  'committed',
  'failed',
] as const;

export const importJobSchema = z.object({
  id: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  fileName: z.string(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  problemCount: z.number().int(),
  /** The first problems (the downloadable report has them all). */
  problems: z.array(importProblemSchema),
  createdCount: z.number().int(),
  message: z.string().nullable(),
  createdAt: z.string(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importCommitResponseSchema = z.object({
  job: importJobSchema,
  /**
   * One activation code per account this import creates, shown once (only their hashes are kept):
   * each person signs in the first time with it and chooses their own password.
   */
  activationCodes: z.array(activationSheetRowSchema),
  activationExpiresAt: z.string(),
});
export type ImportCommitResponse = z.infer<typeof importCommitResponseSchema>;

// ─── Coverage ───────────────────────────────────────────────────────────────────────────────────

export const coverageQuerySchema = z.object({
  maxGridsPerLeader: z.coerce.number().int().min(1).max(100).default(6),
  minPatrollers: z.coerce.number().int().min(0).max(20).default(2),
});

const gridRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  village: z.object({ id: z.string(), name: z.string() }),
});
const personRef = z.object({ id: z.string(), name: z.string(), username: z.string() });

export const coverageReportSchema = z.object({
  maxGridsPerLeader: z.number().int(),
  minPatrollers: z.number().int(),
  gridCount: z.number().int(),
  gridsWithoutWorker: z.array(gridRef.extend({ inactiveWorker: personRef.nullable() })),
  overloadedLeaders: z.array(personRef.extend({ gridCount: z.number().int() })),
  gridsShortOfPatrollers: z.array(gridRef.extend({ patrollerCount: z.number().int() })),
  peopleWithoutGrid: z.array(personRef.extend({ roles: z.array(roleSchema) })),
});
export type CoverageReport = z.infer<typeof coverageReportSchema>;

// ─── Audit log ──────────────────────────────────────────────────────────────────────────────────

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const auditQuerySchema = z.object({
  actor: z.preprocess(emptyToUndefined, z.string().trim().max(60).optional()),
  action: z.preprocess(emptyToUndefined, z.string().trim().max(60).optional()),
  entity: z.preprocess(emptyToUndefined, z.string().trim().max(30).optional()),
  entityId: z.preprocess(emptyToUndefined, z.string().trim().max(64).optional()),
  from: z.preprocess(emptyToUndefined, isoDay().optional()),
  to: z.preprocess(emptyToUndefined, isoDay().optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  townId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
