import { z } from 'zod';
import { caseSummarySchema } from './case-api.schema';

/**
 * The work inbox (issue 20): what waits for the signed-in person, computed from the state of the cases,
 * not from notifications. Leaders' sections cover the grids and towns they lead; the rest are the cases
 * assigned to the person.
 */
export const INBOX_SECTIONS = [
  // Leaders (grid leaders for their grids, town leaders for their towns)
  'to_accept', // 待受理: reported, waiting to be accepted or rejected
  'to_dispatch', // 待派遣: accepted, nobody dispatched yet
  'to_verify', // 待核查: handled, waiting for the leader's check (not their own work)
  'extension_requests', // 延期申请: a pending request to decide
  'escalated', // 督办: escalated and open (town leaders)
  'overdue_led', // 超期: open and late in what they lead
  // The person's own work
  'rework', // 退回重办: returned to them, not restarted yet
  'dispatched_to_me', // 新派给我: dispatched to them, not started
  'in_progress_mine', // 处置中: they are working on it
  'due_mine', // 今日到期或已超期: their open work due by the end of today (China time)
] as const;
export const inboxSectionKeySchema = z.enum(INBOX_SECTIONS);
export type InboxSectionKey = z.infer<typeof inboxSectionKeySchema>;

/** Sections that ask the person to act; their sum is the count in the navigation. */
export const INBOX_ACTION_SECTIONS: readonly InboxSectionKey[] = [
  'to_accept',
  'to_dispatch',
  'to_verify',
  'extension_requests',
  'rework',
  'dispatched_to_me',
];

/** How many cases each section shows on the inbox page (the count is always complete). */
export const INBOX_PAGE_ITEMS = 20;

export const inboxCountsSchema = z.object({
  /** Sum of the action sections' counts (a leader who also holds a case may see it in two). */
  total: z.number().int(),
  counts: z.partialRecord(inboxSectionKeySchema, z.number().int()),
});
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

export const inboxSchema = z.object({
  total: z.number().int(),
  sections: z.array(
    z.object({
      key: inboxSectionKeySchema,
      count: z.number().int(),
      /** The most pressing first (oldest report, or nearest deadline), at most INBOX_PAGE_ITEMS. */
      items: z.array(caseSummarySchema),
      /** Case-list filters showing the whole section, when the list can express it. */
      listQuery: z.record(z.string(), z.string()).nullable(),
    }),
  ),
});
export type Inbox = z.infer<typeof inboxSchema>;
