import { useTranslation } from 'react-i18next';

/** Removes one row of an editable list (a holiday, a working period). */
export function RemoveRowButton({ onRemove }: { onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button-quiet" onClick={onRemove}>
      {t('adminGeo.common.remove')}
    </button>
  );
}

/** Below an editable list: add a row, save the whole list. */
export function RowListFooter({
  addLabel,
  onAdd,
  isSaving,
}: {
  addLabel: string;
  onAdd: () => void;
  isSaving: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="admin-actions">
      <button type="button" className="button" onClick={onAdd}>
        {addLabel}
      </button>
      <button type="submit" className="button button-primary" disabled={isSaving}>
        {isSaving ? t('adminGeo.common.saving') : t('adminGeo.common.save')}
      </button>
    </div>
  );
}
