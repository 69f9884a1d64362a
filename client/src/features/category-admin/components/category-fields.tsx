import { CASE_PRIORITIES, type Category, DEFAULT_HANDLERS } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '@/components/ui/choice-select';

const SLA_UNITS = ['working_hours', 'working_days'] as const satisfies readonly Category['sla']['unit'][];

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
        <ChoiceSelect
          label={t('adminGeo.categories.slaUnit')}
          value={draft.sla.unit}
          options={SLA_UNITS}
          optionLabel={(unit) => t(`adminGeo.categories.unit.${unit}`)}
          onChange={(unit) => onChange({ sla: { ...draft.sla, unit } })}
        />
        <ChoiceSelect
          label={t('adminGeo.categories.priority')}
          value={draft.defaultPriority}
          options={CASE_PRIORITIES}
          optionLabel={(priority) => t(`casePriority.${priority}`)}
          onChange={(defaultPriority) => onChange({ defaultPriority })}
        />
      </div>
      <div className="admin-row">
        <ChoiceSelect
          label={t('adminGeo.categories.handler')}
          value={draft.defaultHandler}
          options={DEFAULT_HANDLERS}
          optionLabel={(handler) => t(`adminGeo.categories.handlerValue.${handler}`)}
          onChange={(defaultHandler) => onChange({ defaultHandler })}
        />
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
