import {
  INBOX_ACTION_SECTIONS,
  INBOX_PAGE_ITEMS,
  type Inbox,
  type InboxCounts,
  type InboxSectionKey,
} from '@gridgov/shared';
import type { Actor } from '../../lib/auth/scope';
import type { AppContext } from '../../lib/context';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { casePageSql } from '../cases/case-list.query';
import { toCaseSummary } from '../cases/case-mappers';
import { findCaseSummaryPage } from '../cases/cases.repository';
import { type InboxSection, inboxCountsSql, inboxSections, partSql } from './inbox.query';

type Counts = Partial<Record<InboxSectionKey, number>>;

async function countSections(ctx: AppContext, actor: Actor, sections: InboxSection[]): Promise<Counts> {
  const statement = inboxCountsSql(actor, sections);
  if (!statement) return {};
  const [row] = await ctx.sql.query<Record<string, Counts>>(statement);
  return Object.assign({}, ...Object.values(row ?? {}));
}

const actionTotal = (counts: Counts) =>
  INBOX_ACTION_SECTIONS.reduce((sum, key) => sum + (counts[key] ?? 0), 0);

/** The navigation's figures: every section's count, in one statement. */
export async function getInboxCounts(ctx: AppContext, actor: Actor): Promise<InboxCounts> {
  const counts = await countSections(ctx, actor, inboxSections(actor, new Date()));
  return { total: actionTotal(counts), counts };
}

/** The inbox page: each section's count and its most pressing cases. */
export async function getInbox(ctx: AppContext, actor: Actor): Promise<Inbox> {
  const now = new Date();
  const sections = inboxSections(actor, now);
  const [counts, calendar] = await Promise.all([
    countSections(ctx, actor, sections),
    loadWorkingCalendar(ctx.prisma),
  ]);
  const pages = await Promise.all(
    sections.map((section) =>
      counts[section.key]
        ? findCaseSummaryPage(
            ctx.sql,
            casePageSql(
              actor,
              [partSql(actor, section.part), section.condition],
              section.sort,
              INBOX_PAGE_ITEMS,
            ),
          )
        : null,
    ),
  );
  return {
    total: actionTotal(counts),
    sections: sections.map((section, i) => {
      const page = pages[i];
      const mapContext = page && { calendar, now, visibleStaffIds: page.visibleStaffIds.add(actor.id) };
      return {
        key: section.key,
        count: counts[section.key] ?? 0,
        items: page && mapContext ? page.rows.map((row) => toCaseSummary(row, mapContext)) : [],
        listQuery: section.listQuery,
      };
    }),
  };
}
