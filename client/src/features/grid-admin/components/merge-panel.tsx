import type { RegridResult } from '@gridgov/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMergeGrids } from '../api/grid-mutations';
import { describeAdminError } from './describe-admin-error';

type Option = { id: string; code: string; name: string };
type Props = { gridId: string; candidates: readonly Option[]; onDone: (result: RegridResult) => void };

/** Candidates are the other grids of the same village; the server checks that they share an edge. */
export function MergePanel({ gridId, candidates, onDone }: Props) {
  const { t } = useTranslation();
  const mutation = useMergeGrids();
  const [absorbId, setAbsorbId] = useState('');
  return (
    <div className="admin-tool">
      <label className="field">
        <span className="field-label">{t('adminGeo.grids.mergeWith')}</span>
        <select value={absorbId} onChange={(e) => setAbsorbId(e.target.value)}>
          <option value="">{t('adminGeo.grids.chooseGrid')}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        disabled={!absorbId || mutation.isPending}
        onClick={() => mutation.mutate({ keepId: gridId, absorbId }, { onSuccess: onDone })}
      >
        {mutation.isPending ? t('adminGeo.common.saving') : t('adminGeo.grids.mergeConfirm')}
      </button>
      {mutation.isError && (
        <p className="notice notice-error" role="alert">
          {describeAdminError(mutation.error, t)}
        </p>
      )}
    </div>
  );
}
