export * from './calendar.schema';
export {
  addDays,
  CHINA_OFFSET_MS,
  chinaDayEnd,
  chinaDayOf,
  chinaDayStart,
  formatChinaDateTime,
} from './china-day';
export * from './cn-holidays';
export { formatLocalDate, parseLocalDate } from './local-day';
export type { ClassifyInput, DeadlineInput, ElapsedInput, SlaPause } from './sla-clock';
export {
  classifyDeadline,
  computeDeadline,
  DEFAULT_DUE_SOON_RATIO,
  DUE_SOON_FALLBACK_MS,
  workingMsElapsed,
} from './sla-clock';
export {
  addWorkingMs,
  addWorkingTime,
  isWorkingDay,
  MAX_SEARCH_YEARS,
  toWorkingMs,
  workingMsBetween,
} from './working-time';
