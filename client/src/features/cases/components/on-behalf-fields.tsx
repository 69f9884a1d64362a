import { useTranslation } from 'react-i18next';
import type { ReportDraft, ReportErrors } from '../utils/report-draft';

type OnBehalfFieldsProps = {
  idPrefix: string;
  draft: ReportDraft;
  errors: ReportErrors;
  onChange: (changes: Partial<ReportDraft>) => void;
};

/** A resident told the grid worker: whom to call back. */
export function OnBehalfFields({ idPrefix, draft, errors, onChange }: OnBehalfFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="report-section">
      <label className="check">
        <input
          type="checkbox"
          checked={draft.isOnBehalf}
          onChange={(event) => onChange({ isOnBehalf: event.target.checked })}
        />
        {t('report.onBehalf')}
      </label>
      {draft.isOnBehalf && (
        <div className="field-pair">
          <div className="field">
            <label htmlFor={`${idPrefix}-resident-name`}>{t('report.residentName')}</label>
            <input
              id={`${idPrefix}-resident-name`}
              maxLength={40}
              autoComplete="off"
              value={draft.residentName}
              onChange={(event) => onChange({ residentName: event.target.value })}
              aria-invalid={errors.residentName ? true : undefined}
              aria-describedby={errors.residentName ? `${idPrefix}-resident-name-error` : undefined}
            />
            {errors.residentName && (
              <p id={`${idPrefix}-resident-name-error`} className="form-error">
                {t(errors.residentName)}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-resident-phone`}>{t('report.residentPhone')}</label>
            <input
              id={`${idPrefix}-resident-phone`}
              type="tel"
              inputMode="numeric"
              maxLength={11}
              autoComplete="off"
              value={draft.residentPhone}
              onChange={(event) => onChange({ residentPhone: event.target.value.replace(/\D/g, '') })}
              aria-invalid={errors.residentPhone ? true : undefined}
              aria-describedby={errors.residentPhone ? `${idPrefix}-resident-phone-error` : undefined}
            />
            {errors.residentPhone && (
              <p id={`${idPrefix}-resident-phone-error`} className="form-error">
                {t(errors.residentPhone)}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
