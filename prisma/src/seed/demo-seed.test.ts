import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, MEMORY_DIR, openDatabase } from '../database';
import { applyPendingMigrations } from '../migrations';
import { verifyPassword } from '../passwords';
import { DEFAULT_DEMO_PASSWORD, seedDemo } from './demo-seed';

async function openSeeded(): Promise<Database> {
  const db = await openDatabase({ pgliteDir: MEMORY_DIR });
  await applyPendingMigrations(db.adapterFactory());
  await seedDemo(db.prisma);
  return db;
}

let db: Database;
beforeAll(async () => {
  db = await openSeeded();
});
afterAll(() => db?.close());

async function countActive(role: 'grid_worker' | 'grid_leader' | 'patroller', townCode: string) {
  return db.prisma.gridAssignment.findMany({
    where: { role, endedAt: null, grid: { town: { code: townCode } } },
    select: { gridId: true, staffId: true },
  });
}

describe('the demo town 石角镇', () => {
  it('when seeded, then it has 21 villages and 85 grids, including the three villages paired with 罗州街道', async () => {
    const town = await db.prisma.region.findUniqueOrThrow({
      where: { code: '440881110' },
      select: {
        name: true,
        children: { select: { name: true } },
        parent: { select: { name: true, code: true } },
      },
    });
    expect(town.name).toBe('石角镇');
    expect(town.parent).toEqual({ name: '廉江市', code: '440881' });
    expect(town.children).toHaveLength(21);
    expect(town.children.map((v) => v.name)).toEqual(expect.arrayContaining(['横新村', '蕉坡村', '油房村']));
    expect(await db.prisma.grid.count({ where: { town: { code: '440881110' } } })).toBe(85);
  });

  it('when seeded, then exactly one grid worker per grid, 21 grid leaders, and 2–3 patrollers per grid (at least 190)', async () => {
    const workers = await countActive('grid_worker', '440881110');
    expect(workers).toHaveLength(85);
    expect(new Set(workers.map((w) => w.gridId)).size).toBe(85);
    expect(new Set(workers.map((w) => w.staffId)).size).toBe(85);
    const leaders = await countActive('grid_leader', '440881110');
    expect(new Set(leaders.map((l) => l.staffId)).size).toBe(21);
    expect(new Set(leaders.map((l) => l.gridId)).size).toBe(85);
    const patrollers = await countActive('patroller', '440881110');
    expect(patrollers.length).toBeGreaterThanOrEqual(190);
    const perGrid = new Map<string, number>();
    for (const p of patrollers) perGrid.set(p.gridId, (perGrid.get(p.gridId) ?? 0) + 1);
    expect([...perGrid.values()].every((n) => n >= 2 && n <= 3)).toBe(true);
    expect(perGrid.size).toBe(85);
  });

  it('when seeded, then the demo accounts exist with the demo password and the right roles', async () => {
    const accounts = await db.prisma.staff.findMany({
      where: { username: { in: ['admin', 'town01', 'gl01', 'gl21', 'gw001', 'gw085', 'pt001', 'pt190'] } },
      select: { username: true, passwordHash: true, phone: true, roles: { select: { role: true } } },
    });
    expect(accounts.map((a) => a.username).sort()).toEqual([
      'admin',
      'gl01',
      'gl21',
      'gw001',
      'gw085',
      'pt001',
      'pt190',
      'town01',
    ]);
    const roleOf = (u: string) => accounts.find((a) => a.username === u)!.roles.map((r) => r.role);
    expect(roleOf('admin')).toEqual(['admin']);
    expect(roleOf('town01')).toEqual(['town_leader']);
    expect(roleOf('gl01')).toEqual(['grid_leader']);
    expect(roleOf('gw085')).toEqual(['grid_worker']);
    expect(await verifyPassword(accounts[0]!.passwordHash, DEFAULT_DEMO_PASSWORD)).toBe(true);
    expect(accounts.every((a) => /^13800000\d{3}$|^1380000\d{4}$/.test(a.phone))).toBe(true);
  });

  it('when seeded, then 罗州街道 exists with its communities and grids', async () => {
    const street = await db.prisma.region.findUniqueOrThrow({
      where: { code: '440881001' },
      select: { name: true, children: { select: { kind: true } } },
    });
    expect(street.name).toBe('罗州街道');
    expect(street.children.length).toBeGreaterThanOrEqual(3);
    expect(await db.prisma.grid.count({ where: { town: { code: '440881001' } } })).toBeGreaterThanOrEqual(3);
  });

  it('when seeding runs again, then nothing is added', async () => {
    const before = await db.prisma.staff.count();
    expect((await seedDemo(db.prisma)).seeded).toBe(false);
    expect(await db.prisma.staff.count()).toBe(before);
  });

  it('when seeded into another database, then the same town comes out (deterministic)', async () => {
    const other = await openSeeded();
    try {
      const snapshot = (d: Database) =>
        d.prisma.staff.findMany({
          select: {
            username: true,
            name: true,
            phone: true,
            isPartyMember: true,
            assignments: { select: { role: true, grid: { select: { code: true } } } },
          },
          orderBy: { username: 'asc' },
        });
      const grids = (d: Database) =>
        d.prisma.grid.findMany({
          select: { code: true, name: true, boundary: true, households: true },
          orderBy: { code: 'asc' },
        });
      expect(await snapshot(other)).toEqual(await snapshot(db));
      expect(await grids(other)).toEqual(await grids(db));
    } finally {
      await other.close();
    }
  });
});
