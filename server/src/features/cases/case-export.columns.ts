// The columns of a case export, headed in Chinese (the files go to town offices); one place defines
// both the header and how a row fills it.
import {
  type CasePriority,
  type CaseStatus,
  type DeadlineStatus,
  formatChinaDateTime,
} from '@gridgov/shared';
import type { Cell } from '../../lib/export/csv';
import type { ExportColumn } from '../../lib/export/table-stream';
import type { CaseExportRow } from './cases.repository';

const STATUS_LABELS: Record<CaseStatus, string> = {
  reported: '待受理',
  accepted: '已立案',
  dispatched: '已派遣',
  in_progress: '处置中',
  handled: '待核查',
  suspended: '挂起',
  closed: '已结案',
  rejected: '不予立案',
  cancelled: '已撤销',
};

const PRIORITY_LABELS: Record<CasePriority, string> = {
  low: '低',
  normal: '一般',
  high: '紧急',
  urgent: '特急',
};

const DEADLINE_LABELS: Record<DeadlineStatus, string> = {
  on_time: '正常',
  due_soon: '即将超期',
  overdue: '已超期',
  paused: '已暂停',
};

/** `2026-11-29 08:30` in China time, or empty. */
const dateTimeOrNull = (date: Date | null): string | null => (date ? formatChinaDateTime(date) : null);

interface CaseColumn extends ExportColumn {
  value: (row: CaseExportRow, deadlineStatus: DeadlineStatus | null) => Cell;
}

export const CASE_EXPORT_COLUMNS: readonly CaseColumn[] = [
  { header: '事件编号', width: 14, value: (r) => r.number },
  { header: '状态', width: 10, value: (r) => STATUS_LABELS[r.status] },
  { header: '优先级', width: 8, value: (r) => PRIORITY_LABELS[r.priority] },
  { header: '事件类别', width: 16, value: (r) => r.category.name },
  { header: '村（社区）', width: 14, value: (r) => r.village.name },
  { header: '网格', width: 18, value: (r) => r.grid.name },
  { header: '事件描述', width: 48, value: (r) => r.description },
  { header: '地址', width: 24, value: (r) => r.address },
  { header: '上报人', width: 10, value: (r) => r.reporter.name },
  { header: '处置人', width: 10, value: (r) => r.assignee?.name ?? null },
  { header: '上报时间', width: 17, value: (r) => dateTimeOrNull(r.reportedAt) },
  { header: '处置期限', width: 17, value: (r) => dateTimeOrNull(r.deadline) },
  { header: '期限状态', width: 10, value: (_r, d) => (d ? DEADLINE_LABELS[d] : null) },
  { header: '反馈时间', width: 17, value: (r) => dateTimeOrNull(r.handledAt) },
  { header: '结案时间', width: 17, value: (r) => dateTimeOrNull(r.closedAt) },
  { header: '督办', width: 6, value: (r) => (r.isEscalated ? '是' : '否') },
  { header: '返工次数', width: 8, value: (r) => r.reworkCount },
];
