import type { Figures } from '@gridgov/shared';

// The sort itself is shared with the server's ranking exports: `sortRankings` in @gridgov/shared.

export const RANKING_COLUMNS = [
  'received',
  'closed',
  'open',
  'overdue',
  'closeRate',
  'onTimeRate',
  'avgHandlingHours',
  'reworkRate',
  'escalated',
] as const satisfies readonly (keyof Figures)[];
export type RankingColumn = (typeof RANKING_COLUMNS)[number] | 'name';
export type RankingSort = { column: RankingColumn; isDescending: boolean };
