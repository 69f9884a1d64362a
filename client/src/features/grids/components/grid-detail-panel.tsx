import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { buildGridCasesPath } from '@/config/paths';
import { useGrid } from '../api/get-grid';
import { GridDetailContent } from './grid-detail-content';

type GridDetailPanelProps = {
  gridId: string;
  onClose: () => void;
  /** Extra sections after the grid's own (the command map adds figures and latest cases). */
  children?: ReactNode;
};

/** Side panel on wide screens, bottom sheet on phones (see styles.css `.grid-panel`). */
export function GridDetailPanel({ gridId, onClose, children }: GridDetailPanelProps) {
  const { t } = useTranslation();
  const gridQuery = useGrid(gridId);

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') onClose();
  }

  return (
    <aside className="grid-panel" aria-label={t('gridPanel.label')} onKeyDown={handleKeyDown}>
      <header className="grid-panel-header">
        <div>
          <p className="grid-panel-eyebrow">{gridQuery.data?.village.name ?? t('gridPanel.label')}</p>
          <h2 className="grid-panel-title">{gridQuery.data?.name ?? '…'}</h2>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('gridPanel.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="grid-panel-body">
        {gridQuery.isPending && <Spinner />}
        {gridQuery.isError && <ErrorState error={gridQuery.error} onRetry={() => void gridQuery.refetch()} />}
        {gridQuery.data && <GridDetailContent grid={gridQuery.data} />}
        {children}
      </div>
      <footer className="grid-panel-footer">
        <Link to={buildGridCasesPath(gridId)} className="button button-block">
          {t('gridPanel.viewCases')}
        </Link>
      </footer>
    </aside>
  );
}
