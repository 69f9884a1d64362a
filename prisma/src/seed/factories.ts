// Factories used by the demo seed and by tests alike: one code path creates a region, a grid or a
// person, whether it is the demo town or a test's own little world.
import { bboxOfPolygon, geodesicAreaSqm, type PolygonCoords, type Role } from '@gridgov/shared';
import type { Prisma, PrismaClient, RegionLevel, StaffStatus } from '../generated/client';
import { hashPassword } from '../passwords';

export type Db = PrismaClient | Prisma.TransactionClient;
// A type alias, not an interface: Prisma's JSON input type needs the implicit index signature.
export type PolygonGeoJson = {
  type: 'Polygon';
  coordinates: PolygonCoords;
};

let sequence = 0;
/** A short unique suffix, so tests sharing one PostgreSQL database never collide. */
export function nextUnique(): string {
  sequence += 1;
  return `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}${sequence.toString(36)}`;
}

function bboxColumns(polygon: PolygonCoords) {
  const [minLon, minLat, maxLon, maxLat] = bboxOfPolygon(polygon);
  return { minLon, minLat, maxLon, maxLat };
}

export interface RegionInput {
  code: string;
  name: string;
  level: RegionLevel;
  kind?: string | null;
  parentId?: string | null;
  boundary?: PolygonGeoJson | null;
}

export async function createRegion(db: Db, input: RegionInput) {
  return db.region.create({
    data: {
      code: input.code,
      name: input.name,
      level: input.level,
      kind: input.kind ?? null,
      parentId: input.parentId ?? null,
      ...(input.boundary ? { boundary: input.boundary, ...bboxColumns(input.boundary.coordinates) } : {}),
    },
    select: { id: true, code: true, name: true, parentId: true },
  });
}

export interface GridInput {
  code: string;
  name: string;
  villageId: string;
  townId: string;
  boundary: PolygonGeoJson;
  households?: number | null;
  population?: number | null;
}

export async function createGrid(db: Db, input: GridInput) {
  return db.grid.create({
    data: {
      code: input.code,
      name: input.name,
      villageId: input.villageId,
      townId: input.townId,
      boundary: input.boundary,
      ...bboxColumns(input.boundary.coordinates),
      areaSqm: geodesicAreaSqm(input.boundary.coordinates),
      households: input.households ?? null,
      population: input.population ?? null,
    },
    select: { id: true, code: true, name: true, villageId: true, townId: true },
  });
}

const hashCache = new Map<string, Promise<string>>();
/** Hashing is deliberately slow; seeds and tests reuse one hash per distinct password. */
export function hashPasswordCached(password: string): Promise<string> {
  let cached = hashCache.get(password);
  if (!cached) {
    cached = hashPassword(password);
    hashCache.set(password, cached);
  }
  return cached;
}

export interface StaffInput {
  username?: string;
  name?: string;
  phone?: string;
  password?: string;
  status?: StaffStatus;
  isPartyMember?: boolean;
  disabledAt?: Date | null;
  /** Home region (a town or the county). */
  regionId: string;
  /** Region-scoped roles (admin, town_leader); regionId defaults to the home region. */
  roles?: { role: Extract<Role, 'admin' | 'town_leader'>; regionId?: string }[];
  /** Grid roles, each also recorded as a role of the person. */
  grids?: {
    gridId: string;
    role: Extract<Role, 'grid_leader' | 'grid_worker' | 'patroller'>;
    startedAt?: Date;
    endedAt?: Date | null;
  }[];
}

export const TEST_PASSWORD = 'Test-password-1';

/**
 * The rows that make one person: the staff row, its roles (grid roles included), its grid assignments;
 * `staffId` is filled in once the staff row has its (Prisma-generated, time-ordered) id.
 */
export async function buildStaffRows(input: StaffInput) {
  const unique = nextUnique();
  const staff = {
    username: input.username ?? `user_${unique}`,
    name: input.name ?? `测试${unique}`,
    phone: input.phone ?? `1380000${String(sequence % 10000).padStart(4, '0')}`,
    passwordHash: await hashPasswordCached(input.password ?? TEST_PASSWORD),
    status: input.status ?? 'active',
    isPartyMember: input.isPartyMember ?? false,
    disabledAt: input.disabledAt ?? null,
    regionId: input.regionId,
  } satisfies Prisma.StaffCreateManyInput;
  const gridRoles = new Set((input.grids ?? []).filter((g) => g.endedAt == null).map((g) => g.role));
  const roles = [
    ...(input.roles ?? []).map((r) => ({ role: r.role, regionId: r.regionId ?? input.regionId })),
    ...[...gridRoles].map((role) => ({ role, regionId: input.regionId })),
  ];
  const assignments = (input.grids ?? []).map((g) => ({
    gridId: g.gridId,
    role: g.role,
    ...(g.startedAt ? { startedAt: g.startedAt } : {}),
    endedAt: g.endedAt ?? null,
  }));
  return { staff, roles, assignments };
}
type StaffRows = Awaited<ReturnType<typeof buildStaffRows>>;

async function createRolesAndAssignments(db: Db, people: { id: string; rows: StaffRows }[]) {
  const roles = people.flatMap(({ id, rows }) => rows.roles.map((r) => ({ ...r, staffId: id })));
  const assignments = people.flatMap(({ id, rows }) => rows.assignments.map((a) => ({ ...a, staffId: id })));
  if (roles.length) await db.staffRole.createMany({ data: roles });
  if (assignments.length) await db.gridAssignment.createMany({ data: assignments });
}

/** Writes many people at once (the demo town's ~340): three statements instead of three per person. */
export async function createStaffMany(db: Db, people: StaffRows[]): Promise<void> {
  const created = await db.staff.createManyAndReturn({
    data: people.map((p) => p.staff),
    select: { id: true, username: true },
  });
  const idOf = new Map(created.map((c) => [c.username, c.id]));
  await createRolesAndAssignments(
    db,
    people.map((rows) => ({ id: idOf.get(rows.staff.username)!, rows })),
  );
}

export async function createStaff(db: Db, input: StaffInput) {
  const rows = await buildStaffRows(input);
  const staff = await db.staff.create({
    data: rows.staff,
    select: { id: true, username: true, name: true, phone: true },
  });
  await createRolesAndAssignments(db, [{ id: staff.id, rows }]);
  return staff;
}

/** A square polygon of `size` degrees with its south-west corner at (lon, lat), RFC 7946 winding. */
export function squarePolygon(lon: number, lat: number, size = 0.01): PolygonGeoJson {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}
