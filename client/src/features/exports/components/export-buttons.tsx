import type { ExportFormat } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import type { QueryValue } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { type ExportState, useExportDownload } from '../hooks/use-export-download';
import { formatBytes } from '../utils/format-bytes';

type ExportButtonsProps = {
  /** The export endpoint, e.g. `/api/cases/export`. */
  path: string;
  /** The same filters the page shows; `format` is added per button. */
  query: Record<string, QueryValue>;
};

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/** CSV and Excel buttons with live progress while the file streams in, then a normal download. */
export function ExportButtons({ path, query }: ExportButtonsProps) {
  const { t } = useTranslation();
  const { state, start, cancel } = useExportDownload(path, query);
  const isRunning = state.status === 'running';

  return (
    <fieldset className="export-panel">
      <legend className="visually-hidden">{t('exports.label')}</legend>
      <div className="export-buttons">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={isRunning}
            onClick={() => void start(format)}
          >
            {t(`exports.${format}`)}
          </button>
        ))}
        {isRunning && (
          <button type="button" className="button button-quiet" onClick={cancel}>
            {t('exports.cancel')}
          </button>
        )}
      </div>
      <ExportStatus state={state} />
    </fieldset>
  );
}

function ExportStatus({ state }: { state: ExportState }) {
  const { t } = useTranslation();
  if (state.status === 'idle') return null;
  if (state.status === 'error') {
    return (
      <p className="export-status export-error" role="alert">
        {t('exports.failed', { reason: describeError(state.error, t) })}
      </p>
    );
  }
  if (state.status === 'done') {
    return (
      <p className="export-status" role="status" data-state="done">
        {t('exports.done', { fileName: state.fileName, count: state.rows ?? 0 })}
      </p>
    );
  }
  const { bytes, rows, total } = state.progress;
  const size = formatBytes(bytes);
  const hasCount = rows !== null && total !== null && total > 0;
  const text =
    total === null
      ? t('exports.starting')
      : hasCount
        ? t('exports.progressRows', { rows: Math.min(rows, total), total, size })
        : t('exports.progressBytes', { size, total });
  return (
    <div className="export-status" data-state="running">
      <progress
        aria-label={t('exports.progressLabel')}
        max={hasCount ? total : undefined}
        value={hasCount ? Math.min(rows, total) : undefined}
      />
      <span role="status">{text}</span>
    </div>
  );
}
