// Territorial scope as SQL fragments, for statements written by hand (the case list, the read fast
// path). They mirror the Prisma filters in scope.ts; the case list tests compare both against a
// plain in-memory reference.
import { Prisma } from '@gridgov/db';
import type { ActorScope } from './scope';

/**
 * `expr IN ($1::type, $2::type, …)`; FALSE for an empty list. (Array parameters are not portable:
 * the embedded database's adapter sends a JS array as "a,b,c".)
 */
export function isIn(expr: Prisma.Sql, values: readonly string[], type: string): Prisma.Sql {
  if (values.length === 0) return Prisma.sql`FALSE`;
  const cast = Prisma.raw(`::${type}`);
  return Prisma.sql`${expr} IN (${Prisma.join(values.map((v) => Prisma.sql`${v}${cast}`))})`;
}

/** Same rule as `staffScopeWhere`: people working in the viewer's grids or towns, and the viewer. */
export function staffVisibleSql(staffAlias: string, viewer: { id: string; scope: ActorScope }): Prisma.Sql {
  const s = Prisma.raw(staffAlias);
  const inGrid =
    viewer.scope.level === 'grids'
      ? isIn(Prisma.sql`ga."gridId"`, viewer.scope.gridIds, 'uuid')
      : // A scalar subquery, not a semi-join: PostgreSQL plans it in a fraction of the time.
        isIn(
          Prisma.sql`(SELECT vg."townId" FROM "Grid" vg WHERE vg.id = ga."gridId")`,
          viewer.scope.townIds,
          'uuid',
        );
  const assigned = Prisma.sql`EXISTS (SELECT 1 FROM "GridAssignment" ga WHERE ga."staffId" = ${s}.id AND ga."endedAt" IS NULL AND ${inGrid})`;
  const regional =
    viewer.scope.level === 'grids'
      ? Prisma.sql`FALSE`
      : isIn(Prisma.sql`${s}."regionId"`, viewer.scope.townIds, 'uuid');
  return Prisma.sql`(${s}.id = ${viewer.id}::uuid OR ${regional} OR ${assigned})`;
}
