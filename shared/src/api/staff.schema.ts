import { z } from 'zod';

export const ROLES = ['admin', 'town_leader', 'grid_leader', 'grid_worker', 'patroller'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const STAFF_STATUSES = ['active', 'on_leave', 'departed'] as const;
export const staffStatusSchema = z.enum(STAFF_STATUSES);
export type StaffStatus = z.infer<typeof staffStatusSchema>;

/** Grid roles come from grid assignments; the others are held for a region. */
export const GRID_ROLES = ['grid_leader', 'grid_worker', 'patroller'] as const satisfies readonly Role[];

export const staffRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Masked (e.g. 138****0001) when the person is outside the viewer's scope. */
  phone: z.string(),
});
export type StaffRef = z.infer<typeof staffRefSchema>;

export const staffItemSchema = staffRefSchema.extend({
  username: z.string(),
  status: staffStatusSchema,
  isPartyMember: z.boolean(),
  roles: z.array(roleSchema),
  grids: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), role: roleSchema })),
  village: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type StaffItem = z.infer<typeof staffItemSchema>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const staffListQuerySchema = z.object({
  role: z.preprocess(emptyToUndefined, roleSchema.optional()),
  villageId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  gridId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  status: z.preprocess(emptyToUndefined, staffStatusSchema.optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional()),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;

export const staffPageSchema = z.object({
  items: z.array(staffItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type StaffPage = z.infer<typeof staffPageSchema>;
