// Downloads: the import template, a job's problem report, the roster export.
import { IMPORT_COLUMNS, type RosterQuery } from '@gridgov/shared';
import type { Actor } from '../../../lib/auth/scope';
import type { AppContext } from '../../../lib/context';
import { assertCanReadRoster, assertCanWriteRoster } from '../admin-access';
import { assertRosterFiltersInScope, buildRosterWhere } from '../roster-read.service';
import { findRosterPage } from '../staff-admin.repository';
import { describeProblem } from './problem-messages';
import { findGridsOfTowns, findVillagesOfTowns } from './roster-import.repository';
import { loadOwnJob } from './roster-import.service';
import { CSV_MIME, toCsv, toXlsx, XLSX_MIME } from './spreadsheet-out';

export interface Download {
  fileName: string;
  mime: string;
  body: Buffer;
}

export type SheetFormat = 'csv' | 'xlsx';
export type ReportLang = 'zh-CN' | 'en';

const ROLE_LABELS: Record<string, string> = {
  admin: '管理员',
  town_leader: '镇领导',
  grid_leader: '网格长',
  grid_worker: '网格员',
  patroller: '巡防员',
};
const STATUS_LABELS: Record<string, string> = { active: '在岗', on_leave: '休假', departed: '离职' };

/** The template, with the admin's villages and grid codes on a second sheet for reference. */
export async function buildImportTemplate(
  ctx: AppContext,
  actor: Actor,
  format: SheetFormat,
): Promise<Download> {
  assertCanWriteRoster(actor);
  const header = [...IMPORT_COLUMNS];
  if (format === 'csv') return { fileName: 'roster-template.csv', mime: CSV_MIME, body: toCsv(header, []) };
  const [villages, grids] = await Promise.all([
    findVillagesOfTowns(ctx.prisma, actor.scope.townIds),
    findGridsOfTowns(ctx.prisma, actor.scope.townIds),
  ]);
  const villageById = new Map(villages.map((v) => [v.id, v]));
  const reference = grids
    .map((g) => [villageById.get(g.villageId)?.name ?? '', villageById.get(g.villageId)?.code ?? '', g.code])
    .sort((a, b) => a[2]!.localeCompare(b[2]!));
  const notes = [
    ['姓名', '必填'],
    ['手机号', '必填，11位手机号，不可与在册人员重复'],
    ['用户名', '选填，3–32位小写字母或数字；不填则用手机号'],
    ['角色', '必填：网格长、网格员、巡防员、镇领导'],
    ['所属村', '必填：村名或12位村代码'],
    ['网格编码', '网格员、巡防员填1个；网格长填1个或多个（用 ; 分隔）；镇领导不填'],
    ['是否党员', '是 / 否（不填为否）'],
  ];
  const body = await toXlsx([
    { name: '人员名单', header, rows: [], widths: [12, 16, 16, 10, 16, 36, 10] },
    { name: '填写说明', header: ['列', '说明'], rows: notes, widths: [12, 70] },
    { name: '村和网格', header: ['村', '村代码', '网格编码'], rows: reference, widths: [16, 16, 20] },
  ]);
  return { fileName: 'roster-template.xlsx', mime: XLSX_MIME, body };
}

export async function buildProblemReport(
  ctx: AppContext,
  actor: Actor,
  jobId: string,
  format: SheetFormat,
  lang: ReportLang,
): Promise<Download> {
  const job = await loadOwnJob(ctx, actor, jobId);
  const header = lang === 'en' ? ['Row', 'Column', 'Value', 'Problem'] : ['行号', '列', '内容', '问题'];
  const rows = job.problems.map((p) => [String(p.row), p.column, p.value, describeProblem(p, lang)]);
  const base = `roster-problems-${job.id.slice(-8)}`;
  if (format === 'csv') return { fileName: `${base}.csv`, mime: CSV_MIME, body: toCsv(header, rows) };
  const body = await toXlsx([
    { name: lang === 'en' ? 'Problems' : '问题', header, rows, widths: [8, 12, 30, 50] },
  ]);
  return { fileName: `${base}.xlsx`, mime: XLSX_MIME, body };
}

const EXPORT_LIMIT = 50_000;

export async function exportRoster(ctx: AppContext, actor: Actor, query: RosterQuery): Promise<Download> {
  assertCanReadRoster(actor);
  await assertRosterFiltersInScope(ctx.prisma, actor, query);
  const { items } = await findRosterPage(ctx.prisma, buildRosterWhere(actor, query), {
    skip: 0,
    take: EXPORT_LIMIT,
  });
  const header = ['姓名', '手机号', '用户名', '角色', '所属村', '网格编码', '是否党员', '状态', '已停用'];
  const rows = items.map((s) => [
    s.name,
    s.phone,
    s.username,
    [...new Set(s.roles.map((r) => ROLE_LABELS[r.role] ?? r.role))].join(';'),
    s.assignments[0]?.grid.village.name ?? '',
    s.assignments.map((a) => a.grid.code).join(';'),
    s.isPartyMember ? '是' : '否',
    STATUS_LABELS[s.status] ?? s.status,
    s.disabledAt ? '是' : '否',
  ]);
  const body = await toXlsx([{ name: '人员名单', header, rows, widths: [12, 16, 16, 16, 16, 36, 10, 8, 8] }]);
  return { fileName: 'roster.xlsx', mime: XLSX_MIME, body };
}
