import type { GridUpdateResult, PolygonCoords } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { useUpdateGrid } from '../api/grid-mutations';
import { describeAdminError } from './describe-admin-error';

type Props = {
  gridId: string;
  edited: PolygonCoords | null;
  onDone: (result: GridUpdateResult) => void;
  onCancel: () => void;
};

export function BoundaryEditPanel({ gridId, edited, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const mutation = useUpdateGrid();
  const save = () => {
    if (!edited) return;
    mutation.mutate(
      { gridId, input: { boundary: { type: 'Polygon', coordinates: edited } } },
      { onSuccess: onDone },
    );
  };
  return (
    <div className="admin-tool">
      <p className="field-hint">{t('adminGeo.grids.editHint')}</p>
      <div className="admin-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={save}
          disabled={!edited || mutation.isPending}
        >
          {mutation.isPending ? t('adminGeo.common.saving') : t('adminGeo.grids.saveBoundary')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('adminGeo.common.cancel')}
        </button>
      </div>
      {mutation.isError && (
        <p className="notice notice-error" role="alert">
          {describeAdminError(mutation.error, t)}
        </p>
      )}
    </div>
  );
}
