import type { CaseSummary } from '@gridgov/shared';

/** Row selection for bulk dispatch; absent when the viewer may not dispatch. */
export type CaseSelection = {
  selectedIds: ReadonlySet<string>;
  onToggle: (item: CaseSummary) => void;
};

/** Only accepted cases can be dispatched (ACTION_RULES.dispatch); the server re-checks each one. */
export function isDispatchable(item: CaseSummary): boolean {
  return item.status === 'accepted';
}
