import type { ExtraField } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '@/lib/pick-localized';
import type { ReportErrors } from '../utils/report-draft';

type ExtraFieldsProps = {
  idPrefix: string;
  fields: readonly ExtraField[];
  values: Record<string, unknown>;
  errors: ReportErrors['extra'];
  onChange: (key: string, value: unknown) => void;
};

/** The chosen category's own questions (typed: text, number, date, one choice, several choices). */
export function ExtraFields({ idPrefix, fields, values, errors, onChange }: ExtraFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  return fields.map((field) => {
    const id = `${idPrefix}-${field.key}`;
    const errorKey = errors?.[field.key];
    const label = `${pickLocalized(language, field.label, field.labelEn)}${field.required ? '' : t('report.optional')}`;
    const value = values[field.key];
    const invalidProps = {
      'aria-invalid': errorKey ? true : undefined,
      'aria-describedby': errorKey ? `${id}-error` : undefined,
    };
    const error = errorKey && (
      <p id={`${id}-error`} className="form-error">
        {t(errorKey)}
      </p>
    );

    if (field.type === 'multi') {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset key={field.key} className="field checks-field" {...invalidProps}>
          <legend>{label}</legend>
          {field.options?.map((option) => (
            <label key={option.value} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(option.value)}
                onChange={(event) =>
                  onChange(
                    field.key,
                    event.target.checked
                      ? [...chosen, option.value]
                      : chosen.filter((item) => item !== option.value),
                  )
                }
              />
              {pickLocalized(language, option.label, option.labelEn)}
            </label>
          ))}
          {error}
        </fieldset>
      );
    }

    const text = typeof value === 'string' ? value : '';
    return (
      <div key={field.key} className="field">
        <label htmlFor={id}>{label}</label>
        {field.type === 'single' ? (
          <select
            id={id}
            value={text}
            onChange={(event) => onChange(field.key, event.target.value)}
            {...invalidProps}
          >
            <option value="">{t('report.choose')}</option>
            {field.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {pickLocalized(language, option.label, option.labelEn)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type={field.type === 'text' ? 'text' : field.type}
            inputMode={field.type === 'number' ? 'decimal' : undefined}
            maxLength={field.type === 'text' ? 500 : undefined}
            value={text}
            onChange={(event) => onChange(field.key, event.target.value)}
            {...invalidProps}
          />
        )}
        {error}
      </div>
    );
  });
}
