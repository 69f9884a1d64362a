import { EXTRA_FIELD_TYPES, type ExtraField } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '@/components/ui/choice-select';

type Props = { fields: ExtraField[]; onChange: (fields: ExtraField[]) => void };

const isChoice = (type: ExtraField['type']) => type === 'single' || type === 'multi';

/** Options are edited as lines "value|中文|English": quick to type, and easy to paste from a spreadsheet. */
function toOptionsText(field: ExtraField): string {
  return (field.options ?? []).map((o) => `${o.value}|${o.label}|${o.labelEn}`).join('\n');
}

function parseOptions(text: string): NonNullable<ExtraField['options']> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [value = '', label = value, labelEn = label] = line.split('|').map((part) => part.trim());
      return { value, label, labelEn };
    });
}

export function ExtraFieldsEditor({ fields, onChange }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ExtraField>) =>
    onChange(fields.map((field, i) => (i === index ? ({ ...field, ...patch } as ExtraField) : field)));

  return (
    <fieldset className="admin-form">
      <legend className="field-label">{t('adminGeo.categories.fields')}</legend>
      {fields.map((field, index) => (
        // Fields are edited in place and only appended or removed; their key may be mid-edit, so the index keys them.
        <div key={index} className="admin-field-card" data-testid="extra-field">
          <div className="admin-row">
            <label className="field">
              <span className="field-label">{t('adminGeo.categories.fieldKey')}</span>
              <input value={field.key} onChange={(e) => update(index, { key: e.target.value })} />
            </label>
            <ChoiceSelect
              label={t('adminGeo.categories.fieldType')}
              value={field.type}
              options={EXTRA_FIELD_TYPES}
              optionLabel={(type) => t(`adminGeo.categories.fieldTypeValue.${type}`)}
              onChange={(type) =>
                update(index, { type, options: isChoice(type) ? (field.options ?? []) : undefined })
              }
            />
          </div>
          <div className="admin-row">
            <label className="field">
              <span className="field-label">{t('adminGeo.categories.fieldLabel')}</span>
              <input value={field.label} onChange={(e) => update(index, { label: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('adminGeo.categories.fieldLabelEn')}</span>
              <input value={field.labelEn} onChange={(e) => update(index, { labelEn: e.target.value })} />
            </label>
          </div>
          {isChoice(field.type) && (
            <label className="field">
              <span className="field-label">{t('adminGeo.categories.fieldOptions')}</span>
              <textarea
                rows={3}
                defaultValue={toOptionsText(field)}
                onBlur={(e) => update(index, { options: parseOptions(e.target.value) })}
              />
            </label>
          )}
          <div className="admin-actions">
            <label className="check">
              <input
                type="checkbox"
                checked={field.required}
                onChange={(e) => update(index, { required: e.target.checked })}
              />
              {t('adminGeo.categories.fieldRequired')}
            </label>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => onChange(fields.filter((_, i) => i !== index))}
            >
              {t('adminGeo.common.remove')}
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          onChange([...fields, { key: '', label: '', labelEn: '', type: 'text', required: false }])
        }
      >
        {t('adminGeo.categories.addField')}
      </button>
    </fieldset>
  );
}
