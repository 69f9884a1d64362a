import type { GridImportProblemDto } from '@gridgov/shared';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileButton } from '@/components/ui/file-button';
import { useCommitGridImport, usePreviewGridImport } from '../api/grid-mutations';
import { type FilePolygon, listFilePolygons } from '../utils/list-file-polygons';
import { describeAdminError } from './describe-admin-error';

type Props = {
  /** Hands the file's polygons and the problems to the page, which draws them on the map. */
  onPreview: (polygons: FilePolygon[], problems: GridImportProblemDto[]) => void;
};

export function ImportPanel({ onPreview }: Props) {
  const id = useId();
  const { t } = useTranslation();
  const preview = usePreviewGridImport();
  const commit = useCommitGridImport();
  const [file, setFile] = useState<unknown>(null);
  const [isBadJson, setIsBadJson] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    preview.reset();
    commit.reset();
    onPreview([], []);
    if (!chosen) return;
    try {
      const parsed: unknown = JSON.parse(await chosen.text());
      setIsBadJson(false);
      setFile(parsed);
      const result = await preview.mutateAsync(parsed);
      onPreview(listFilePolygons(parsed), result.problems);
    } catch (error) {
      if (error instanceof SyntaxError) setIsBadJson(true);
    }
  };

  const problems = commit.data?.problems ?? preview.data?.problems ?? [];
  const errorCount = problems.filter((p) => p.severity === 'error').length;

  return (
    <div className="admin-tool">
      <p className="field-hint">{t('adminGeo.grids.importHint')}</p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-file`}>
          {t('adminGeo.grids.importFile')}
        </label>
        <FileButton
          id={`${id}-file`}
          accept=".geojson,.json,application/geo+json,application/json"
          onChange={choose}
        />
      </div>
      {isBadJson && (
        <p className="notice notice-error" role="alert">
          {t('adminGeo.grids.importBadJson')}
        </p>
      )}
      {preview.isError && (
        <p className="notice notice-error" role="alert">
          {describeAdminError(preview.error, t)}
        </p>
      )}
      {preview.data && !commit.data && (
        <>
          {problems.length === 0 ? (
            <p className="notice notice-success">{t('adminGeo.grids.importClean')}</p>
          ) : (
            <ProblemList problems={problems} />
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={errorCount > 0 || commit.isPending}
            onClick={() => commit.mutate(file, { onSuccess: () => onPreview([], []) })}
          >
            {t('adminGeo.grids.importCommit', {
              created: preview.data.created.length,
              updated: preview.data.updated.length,
            })}
          </button>
        </>
      )}
      {commit.isError && (
        <p className="notice notice-error" role="alert">
          {describeAdminError(commit.error, t)}
        </p>
      )}
      {commit.data && (
        <p className="notice notice-success" role="status">
          {t('adminGeo.grids.importDone', {
            created: commit.data.created.length,
            updated: commit.data.updated.length,
            count: commit.data.movedCaseIds.length,
          })}
        </p>
      )}
    </div>
  );
}

function ProblemList({ problems }: { problems: readonly GridImportProblemDto[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <p className="admin-count">{t('adminGeo.grids.problems', { count: problems.length })}</p>
      <ul className="problem-list" data-testid="import-problems">
        {problems.map((p, i) => (
          // Problems have no identity of their own; the list is replaced whole on every check.
          <li key={i} className={`problem problem-${p.severity}`}>
            <strong>{t(`adminGeo.grids.problemCode.${p.code}`)}</strong>
            {p.featureIndex !== null && (
              <span> · {t('adminGeo.grids.feature', { index: p.featureIndex + 1 })}</span>
            )}
            {p.gridCode && <span> · {p.gridCode}</span>}
            <small className="problem-detail">{p.message}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
