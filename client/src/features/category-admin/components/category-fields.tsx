import { CASE_PRIORITIES, type Category, DEFAULT_HANDLERS } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';

/** What the create and the edit form have in common; the code, the active flag and extra fields differ. */
export type CategoryFieldsDraft = Pick<
  Category,
  'name' | 'nameEn' | 'sla' | 'defaultPriority' | 'defaultHandler' | 'departmentName'
>;

/** The draft as the API takes it: a department name only goes with a department handler. */
export function toCategoryFieldsInput(draft: CategoryFieldsDraft): CategoryFieldsDraft {
  return {
    name: draft.name,
    nameEn: draft.nameEn,
    sla: draft.sla,
    defaultPriority: draft.defaultPriority,
    defaultHandler: draft.defaultHandler,
    departmentName: draft.defaultHandler === 'department' ? draft.departmentName : null,
  };
}

type Props = { draft: CategoryFieldsDraft; onChange: (patch: Partial<CategoryFieldsDraft>) => void };

/** Names, deadline, priority and handler of a category, shared by the create and the edit form. */
export function CategoryFields({ draft, onChange }: Props) {
  const { t } = useTranslation();
  const slaStep = draft.sla.unit === 'working_days' ? 1 : 0.5;
  return (
    <>
      <div className="admin-row">
        <label className="field">
          <span className="field-label">{t('adminGeo.categories.name')}</span>
          <input value={draft.name} onChange={(e) => onChange({ name: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">{t('adminGeo.categories.nameEn')}</span>
          <input value={draft.nameEn} onChange={(e) => onChange({ nameEn: e.target.value })} />
        </label>
      </div>
      <div className="admin-row">
        <label className="field">
          <span className="field-label">{t('adminGeo.categories.slaAmount')}</span>
          <input
            type="number"
            // The step counts from min: min 0.5 with step 1 would make every whole number of days invalid.
            min={slaStep}
            step={slaStep}
            value={draft.sla.amount}
            onChange={(e) => onChange({ sla: { ...draft.sla, amount: Number(e.target.value) } })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('adminGeo.categories.slaUnit')}</span>
          <select
            value={draft.sla.unit}
            onChange={(e) =>
              onChange({ sla: { ...draft.sla, unit: e.target.value as Category['sla']['unit'] } })
            }
          >
            <option value="working_hours">{t('adminGeo.categories.unit.working_hours')}</option>
            <option value="working_days">{t('adminGeo.categories.unit.working_days')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('adminGeo.categories.priority')}</span>
          <select
            value={draft.defaultPriority}
            onChange={(e) => onChange({ defaultPriority: e.target.value as Category['defaultPriority'] })}
          >
            {CASE_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`adminGeo.categories.priorityValue.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="admin-row">
        <label className="field">
          <span className="field-label">{t('adminGeo.categories.handler')}</span>
          <select
            value={draft.defaultHandler}
            onChange={(e) => onChange({ defaultHandler: e.target.value as Category['defaultHandler'] })}
          >
            {DEFAULT_HANDLERS.map((h) => (
              <option key={h} value={h}>
                {t(`adminGeo.categories.handlerValue.${h}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.defaultHandler === 'department' && (
          <label className="field">
            <span className="field-label">{t('adminGeo.categories.department')}</span>
            <input
              value={draft.departmentName ?? ''}
              onChange={(e) => onChange({ departmentName: e.target.value || null })}
            />
          </label>
        )}
      </div>
    </>
  );
}
