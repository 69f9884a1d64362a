import type { Position, RegridResult } from '@gridgov/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSplitGrid } from '../api/grid-mutations';
import { describeAdminError } from './describe-admin-error';

type Props = {
  gridId: string;
  line: readonly Position[];
  onUndo: () => void;
  onCancel: () => void;
  onDone: (result: RegridResult) => void;
};

export function SplitPanel({ gridId, line, onUndo, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const mutation = useSplitGrid();
  const [newName, setNewName] = useState('');
  const confirm = () =>
    mutation.mutate(
      { gridId, input: { line: [...line], ...(newName.trim() ? { newName: newName.trim() } : {}) } },
      { onSuccess: onDone },
    );
  return (
    <div className="admin-tool">
      <p className="field-hint">{t('adminGeo.grids.splitHint')}</p>
      <p className="admin-count" data-testid="split-point-count">
        {t('adminGeo.grids.splitPoints', { count: line.length })}
      </p>
      <label className="field">
        <span className="field-label">{t('adminGeo.grids.splitNewName')}</span>
        <input value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={60} />
      </label>
      <div className="admin-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={confirm}
          disabled={line.length < 2 || mutation.isPending}
        >
          {mutation.isPending ? t('adminGeo.common.saving') : t('adminGeo.grids.splitConfirm')}
        </button>
        <button type="button" className="button" onClick={onUndo} disabled={line.length === 0}>
          {t('adminGeo.grids.splitUndo')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
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
