// One case with everything its page shows, in one SQL statement on the read fast path
// (docs/decisions/014-read-fast-path.md): the case, its category, grid and village, its photos, its
// timeline, the people it names with whether the viewer may see each phone, and the case it
// duplicates. Prisma's findUnique with the same relations took a query of its own plus two or three
// more for the people, the phone rule and the duplicate. `case-detail.query.test.ts` compares it with
// that Prisma reading (`caseDetailSelect`) on varied cases.
import { Prisma } from '@gridgov/db';
import type { ActorScope } from '../../lib/auth/scope';
import { staffVisibleSql } from '../../lib/auth/scope.sql';
import { SUMMARY_COLUMNS } from './case-list.query';

/**
 * One row, or none when there is no such case: `case` (its columns as JSON; timestamps as UTC wall
 * times without a zone), `category` [code, name, nameEn], `grid` and `village` [code, name],
 * `uploads` and `events` as JSON arrays, `staff` [id, name, phone, visible] for everyone the case
 * and its timeline name, `duplicateOf` (id, number and what a visibility check needs) or null.
 */
export function caseDetailSql(viewer: { id: string; scope: ActorScope }, caseId: string): Prisma.Sql {
  return Prisma.sql`
    WITH c AS MATERIALIZED (
      SELECT ${SUMMARY_COLUMNS}, c.extra, c."onBehalfName", c."onBehalfPhone",
        c."resumeStatus"::text AS "resumeStatus", c."escalatedAt", c."escalationNote", c."escalatedById",
        c."extensionDeadline", c."extensionNote", c."extensionById", c."duplicateOfId"
      FROM "Case" c WHERE c.id = ${caseId}::uuid
    ), e AS MATERIALIZED (
      SELECT e.id, e.seq, e.kind, e."createdAt", e."fromStatus"::text AS "fromStatus",
        e."toStatus"::text AS "toStatus", e.note,
        -- Prisma writes an omitted list as NULL and reads NULL as an empty list.
        COALESCE(e."photoIds", '{}') AS "photoIds", e.data, e."actorId", e."assigneeId"
      FROM "CaseEvent" e WHERE e."caseId" = (SELECT id FROM c)
    )
    SELECT
      row_to_json(c) AS "case",
      (SELECT json_build_array(cat.code, cat.name, cat."nameEn") FROM "Category" cat
        WHERE cat.id = c."categoryId") AS category,
      (SELECT json_build_array(g.code, g.name) FROM "Grid" g WHERE g.id = c."gridId") AS grid,
      (SELECT json_build_array(v.code, v.name) FROM "Region" v WHERE v.id = c."villageId") AS village,
      (SELECT COALESCE(json_agg(json_build_object('id', u.id, 'mime', u.mime, 'size', u.size,
          'width', u.width, 'height', u.height) ORDER BY u."createdAt", u.id), '[]'::json)
        FROM "Upload" u WHERE u."caseId" = c.id) AS uploads,
      (SELECT COALESCE(json_agg(e ORDER BY e.seq), '[]'::json) FROM e) AS events,
      (SELECT json_agg(json_build_array(s.id, s.name, s.phone, ${staffVisibleSql('s', viewer)}))
        FROM "Staff" s WHERE s.id IN (
          SELECT c."reporterId" UNION SELECT c."assigneeId" UNION SELECT c."escalatedById"
          UNION SELECT c."extensionById" UNION SELECT "actorId" FROM e UNION SELECT "assigneeId" FROM e
        )) AS staff,
      (SELECT json_build_object('id', d.id, 'number', d.number, 'gridId', d."gridId", 'townId', d."townId",
          'reporterId', d."reporterId", 'assigneeId', d."assigneeId")
        FROM "Case" d WHERE d.id = c."duplicateOfId") AS "duplicateOf"
    FROM c`;
}
