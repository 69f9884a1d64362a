import type { CaseSummary } from '@gridgov/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { type CaseFilters, useCases } from '../api/get-cases';
import { useIsNarrowScreen } from '../hooks/use-is-narrow-screen';
import { BulkDispatchBar } from './bulk-dispatch-bar';
import { CaseCards } from './case-cards';
import { type CaseSelection, isDispatchable } from './case-selection';
import { CaseTable } from './case-table';

type CaseListProps = {
  filters: CaseFilters;
  /** Leaders get row selection and the bulk dispatch bar. */
  canBulkDispatch: boolean;
  label: string;
  emptyText: string;
};

const NO_IDS: ReadonlySet<string> = new Set();

function findCommonGridId(cases: readonly CaseSummary[]): string | null {
  const gridIds = new Set(cases.map((item) => item.grid.id));
  return gridIds.size === 1 ? ([...gridIds][0] ?? null) : null;
}

/** Cases matching the filters: a table on wide screens, cards on phones, more on request (keyset pages). */
export function CaseList({ filters, canBulkDispatch, label, emptyText }: CaseListProps) {
  const { t } = useTranslation();
  const isNarrow = useIsNarrowScreen();
  const casesQuery = useCases(filters);
  // Selection and notices belong to one set of filters; another filter starts them afresh.
  const filterKey = JSON.stringify(filters);
  const [selectionState, setSelectionState] = useState({ filterKey, ids: NO_IDS as ReadonlySet<string> });
  const [notice, setNotice] = useState<{ filterKey: string; text: string } | null>(null);
  const selectedIds = selectionState.filterKey === filterKey ? selectionState.ids : NO_IDS;
  const setSelectedIds = (update: (current: ReadonlySet<string>) => ReadonlySet<string>) =>
    setSelectionState((current) => ({
      filterKey,
      ids: update(current.filterKey === filterKey ? current.ids : NO_IDS),
    }));
  const items = useMemo(() => casesQuery.data?.pages.flatMap((page) => page.items) ?? [], [casesQuery.data]);
  // After a refresh a selected case may have moved on; only those still dispatchable are sent.
  const selectedCases = items.filter((item) => selectedIds.has(item.id) && isDispatchable(item));

  function toggle(item: CaseSummary) {
    setNotice(null);
    setSelectedIds((current) => {
      const next = new Set(current);
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      return next;
    });
  }

  if (casesQuery.isPending) return <Spinner />;
  // A failed "load more" keeps the pages already shown (the query is in error but still has data).
  if (!casesQuery.data) {
    return <ErrorState error={casesQuery.error} onRetry={() => void casesQuery.refetch()} />;
  }

  // The 选择 column only where something in it can be ticked: a leader whose list holds no accepted
  // case would see an empty column (issue 13), and people who may not dispatch never see it.
  const canSelectHere = canBulkDispatch && items.some(isDispatchable);
  const selection: CaseSelection | null = canSelectHere ? { selectedIds, onToggle: toggle } : null;
  const List = isNarrow ? CaseCards : CaseTable;

  return (
    <div className="case-results" aria-busy={casesQuery.isPlaceholderData}>
      <p className="result-count" aria-live="polite">
        {notice?.filterKey === filterKey ? notice.text : t('cases.loadedCount', { count: items.length })}
      </p>
      {items.length === 0 ? (
        <p className="empty-state">{emptyText}</p>
      ) : (
        <List items={items} selection={selection} label={label} />
      )}
      {casesQuery.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={() => void casesQuery.fetchNextPage()}
            disabled={casesQuery.isFetchingNextPage}
          >
            {casesQuery.isFetchingNextPage ? t('cases.loadingMore') : t('cases.loadMore')}
          </button>
        </div>
      )}
      {casesQuery.isFetchNextPageError && (
        <ErrorState error={casesQuery.error} onRetry={() => void casesQuery.fetchNextPage()} />
      )}
      {selectedCases.length > 0 && (
        <BulkDispatchBar
          cases={selectedCases.map((item) => ({ id: item.id, version: item.version }))}
          gridId={findCommonGridId(selectedCases)}
          onClear={() => setSelectedIds(() => NO_IDS)}
          onDispatched={(count) => {
            setSelectedIds(() => NO_IDS);
            setNotice({ filterKey, text: t('bulkDispatch.done', { count }) });
          }}
        />
      )}
    </div>
  );
}
